"""SMS providers, hand-signed: Alibaba Cloud ``SendSms`` (dysmsapi, API 2017-05-25,
RPC signature v1, HMAC-SHA1) and Tencent Cloud ``SendSms`` (sms, 2021-01-11,
TC3-HMAC-SHA256), each as its provider documents it, over ``http.client``.

No SDK: each official SDK pulls in its own HTTP stack and dozens of modules
(Alibaba's Tea/darabonba runtime, Tencent's common package) for one signed call;
the signing is 30 lines each and the frozen installer stays small.

:func:`send_sms` never raises for a provider's or the network's trouble: it returns
an :class:`Outcome` the sender acts on. ``offline`` means nothing reached the
provider (safe to try later); ``unknown`` means the request may have been delivered
(a timeout, an answer that is not the provider's): Alibaba's SendSms is not
idempotent, so such a message is never sent again without a person deciding.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlsplit

ALIYUN_HOST = "dysmsapi.aliyuncs.com"
TENCENT_HOST = "sms.tencentcloudapi.com"
TENCENT_REGION = "ap-guangzhou"
TIMEOUT_S = 10.0
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# Codes that say the account or its key is wrong: every message would fail the
# same way, so the run stops and the messages wait for the settings to be fixed.
_ALIYUN_CONFIG = ("SignatureDoesNotMatch", "InvalidAccessKeyId", "Forbidden",
                  "isv.ACCOUNT_NOT_EXISTS", "isv.ACCOUNT_ABNORMAL", "InvalidTimeStamp",
                  "MissingAccessKeyId", "IncompleteSignature")
_ALIYUN_RETRY = ("isv.BUSINESS_LIMIT_CONTROL", "Throttling", "ServiceUnavailable",
                 "isp.SYSTEM_ERROR", "InternalError", "isp.RAM_PERMISSION_DENY")
_TENCENT_CONFIG = ("AuthFailure", "UnauthorizedOperation")
_TENCENT_RETRY = ("RequestLimitExceeded", "InternalError", "ResourceUnavailable")


@dataclass(frozen=True)
class SmsConfig:
    provider: str  # "aliyun" | "tencent" | "none"
    endpoint: str  # "" or a URL replacing the provider's host
    key_id: str
    secret: str
    sign_name: str
    app_id: str

    @classmethod
    def from_settings(cls, values: dict[str, Any]) -> SmsConfig:
        return cls(str(values["sms.provider"]), str(values["sms.endpoint"]).strip(),
                   str(values["sms.access_key_id"]).strip(),
                   str(values["sms.access_key_secret"]), str(values["sms.sign_name"]).strip(),
                   str(values["sms.app_id"]).strip())

    def problem(self) -> str | None:
        """What is missing before anything can be sent (a reason code), or None."""
        if self.provider not in ("aliyun", "tencent"):
            return "no_provider"
        if not self.key_id or not self.secret:
            return "no_key"
        if not self.sign_name:
            return "no_sign_name"
        if self.provider == "tencent" and not self.app_id:
            return "no_app_id"
        return None


@dataclass(frozen=True)
class Outcome:
    kind: str  # sent | failed | retry | unknown | offline | config
    reason: str = ""  # the provider's code and message, or what happened
    ref: str = ""  # the provider's id of the message (BizId, SerialNo)
    fee: int = 1  # billed messages (Tencent says; Alibaba: 1)


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    headers: dict[str, str]
    body: bytes


# -- Alibaba Cloud: RPC signature v1 ------------------------------------------------------

def aliyun_encode(text: str) -> str:
    """Alibaba's percent-encoding: RFC 3986 unreserved characters kept, the rest as
    %XX of UTF-8 (space %20, ``*`` %2A, ``~`` kept)."""
    return quote(text, safe="-_.~")


def aliyun_signature(params: dict[str, str], secret: str, method: str = "GET") -> str:
    canonical = "&".join(f"{aliyun_encode(k)}={aliyun_encode(v)}"
                         for k, v in sorted(params.items()))
    to_sign = f"{method}&{aliyun_encode('/')}&{aliyun_encode(canonical)}"
    digest = hmac.new(f"{secret}&".encode(), to_sign.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def _base(config: SmsConfig, host: str) -> tuple[str, str]:
    """(scheme://netloc, netloc) of the endpoint setting or the provider's host."""
    if config.endpoint:
        parts = urlsplit(config.endpoint)
        return f"{parts.scheme}://{parts.netloc}", parts.netloc
    return f"https://{host}", host


def aliyun_request(config: SmsConfig, phone: str, code: str, values: list[tuple[str, str]],
                   at: datetime, nonce: str) -> Request:
    params = {
        "AccessKeyId": config.key_id, "Action": "SendSms", "Format": "JSON",
        "PhoneNumbers": phone, "RegionId": "cn-hangzhou", "SignName": config.sign_name,
        "SignatureMethod": "HMAC-SHA1", "SignatureNonce": nonce, "SignatureVersion": "1.0",
        "TemplateCode": code,
        "TemplateParam": json.dumps(dict(values), ensure_ascii=False, separators=(",", ":")),
        "Timestamp": at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "Version": "2017-05-25",
    }
    signature = aliyun_signature(params, config.secret)
    query = "&".join(f"{aliyun_encode(k)}={aliyun_encode(v)}"
                     for k, v in [("Signature", signature), *sorted(params.items())])
    base, host = _base(config, ALIYUN_HOST)
    return Request("GET", f"{base}/?{query}", {"Host": host, "Accept": "application/json"}, b"")


def aliyun_outcome(answer: dict[str, Any]) -> Outcome:
    code = str(answer.get("Code", ""))
    reason = f"{code}: {answer.get('Message', '')}"[:200]
    if code == "OK":
        return Outcome("sent", "", str(answer.get("BizId", ""))[:80])
    if code.startswith(_ALIYUN_CONFIG):
        return Outcome("config", reason)
    if code.startswith(_ALIYUN_RETRY):
        return Outcome("retry", reason)
    return Outcome("failed", reason)


# -- Tencent Cloud: TC3-HMAC-SHA256 --------------------------------------------------------

def _hmac256(key: bytes, text: str) -> bytes:
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def tencent_signature(secret: str, host: str, content_type: str, payload: bytes,
                      timestamp: int) -> tuple[str, str]:
    """(signature hex, credential scope) of a POST to ``/`` with ``content_type`` and
    ``host`` signed, as Tencent's signature v3 documents it."""
    day = (EPOCH + timedelta(seconds=timestamp)).strftime("%Y-%m-%d")  # the UTC date
    scope = f"{day}/sms/tc3_request"
    canonical = "\n".join([
        "POST", "/", "", f"content-type:{content_type}\nhost:{host}\n", "content-type;host",
        hashlib.sha256(payload).hexdigest()])
    to_sign = "\n".join(["TC3-HMAC-SHA256", str(timestamp), scope,
                         hashlib.sha256(canonical.encode()).hexdigest()])
    key = _hmac256(_hmac256(_hmac256(f"TC3{secret}".encode(), day), "sms"), "tc3_request")
    return hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest(), scope


def tencent_request(config: SmsConfig, phone: str, code: str, values: list[tuple[str, str]],
                    at: datetime) -> Request:
    payload = json.dumps({
        "PhoneNumberSet": [f"+86{phone}"], "SmsSdkAppId": config.app_id,
        "SignName": config.sign_name, "TemplateId": code,
        "TemplateParamSet": [v for _, v in values],
    }, ensure_ascii=False, separators=(",", ":")).encode()
    base, host = _base(config, TENCENT_HOST)
    content_type = "application/json; charset=utf-8"
    timestamp = int(at.timestamp())
    signature, scope = tencent_signature(config.secret, host, content_type, payload, timestamp)
    return Request("POST", f"{base}/", {
        "Authorization": f"TC3-HMAC-SHA256 Credential={config.key_id}/{scope}, "
                         f"SignedHeaders=content-type;host, Signature={signature}",
        "Content-Type": content_type, "Host": host, "X-TC-Action": "SendSms",
        "X-TC-Timestamp": str(timestamp), "X-TC-Version": "2021-01-11",
        "X-TC-Region": TENCENT_REGION,
    }, payload)


def tencent_outcome(answer: dict[str, Any]) -> Outcome:
    response = answer.get("Response")
    if not isinstance(response, dict):
        return Outcome("unknown", "no Response in the answer")
    error = response.get("Error")
    if isinstance(error, dict):
        code = str(error.get("Code", ""))
        reason = f"{code}: {error.get('Message', '')}"[:200]
        if code.startswith(_TENCENT_CONFIG):
            return Outcome("config", reason)
        return Outcome("retry" if code.startswith(_TENCENT_RETRY) else "failed", reason)
    statuses = response.get("SendStatusSet") or [{}]
    first = statuses[0] if isinstance(statuses[0], dict) else {}
    code = str(first.get("Code", ""))
    if code == "Ok":
        return Outcome("sent", "", str(first.get("SerialNo", ""))[:80],
                       int(first.get("Fee", 1) or 1))
    reason = f"{code}: {first.get('Message', '')}"[:200]
    return Outcome("retry" if code.startswith(_TENCENT_RETRY) else "failed", reason)


# -- the exchange -------------------------------------------------------------------------

def _exchange(request: Request, timeout: float) -> tuple[int, str, bytes] | Outcome:
    parts = urlsplit(request.url)
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = kind(parts.netloc, timeout=timeout)
    try:
        try:
            conn.connect()
        except (OSError, http.client.HTTPException) as exc:  # DNS, refused, no network
            return Outcome("offline", f"no connection: {type(exc).__name__}")
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = {k: v for k, v in request.headers.items() if k != "Host"}
        try:
            conn.request(request.method, path or "/", body=request.body or None,
                         headers={"Host": request.headers["Host"], **headers})
            response = conn.getresponse()
            body = response.read(1_000_000)
        except TimeoutError:
            return Outcome("unknown", "timeout: no answer")
        except (OSError, http.client.HTTPException) as exc:
            return Outcome("unknown", f"connection lost: {type(exc).__name__}")
        return response.status, response.getheader("Content-Type", ""), body
    finally:
        conn.close()


def send_sms(config: SmsConfig, phone: str, code: str, values: list[tuple[str, str]],
             at: datetime, *, timeout: float | None = None) -> Outcome:
    """Send one message through ``config``'s provider (see the module docstring)."""
    timeout = TIMEOUT_S if timeout is None else timeout
    if config.provider == "aliyun":
        request = aliyun_request(config, phone, code, values, at, str(uuid.uuid4()))
    else:
        request = tencent_request(config, phone, code, values, at)
    answer = _exchange(request, timeout)
    if isinstance(answer, Outcome):
        return answer
    status, content_type, body = answer
    try:
        parsed = json.loads(body.decode("utf-8"))
        if not isinstance(parsed, dict):
            raise ValueError("not an object")
    except (UnicodeDecodeError, ValueError):
        # A login page of the shop's Wi-Fi, a proxy's error page: not the provider's.
        return Outcome("unknown", f"HTTP {status}: not the provider's answer "
                                  f"({(content_type or 'no type')[:40]})")
    if config.provider == "aliyun":
        return aliyun_outcome(parsed)
    return tencent_outcome(parsed)
