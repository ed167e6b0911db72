"""A local stand-in for Alibaba Cloud's and Tencent Cloud's SendSms that checks each
request's signature the way the provider does: recomputed here from what arrived
(the query string; the headers and body), written from the providers' documents,
not from the code under test. It answers as the provider would: success, an error
code, an HTML page, or nothing in time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

KEY_ID, SECRET = "LTAI5tTestKeyId", "test-secret-不要外传"


def _pct(text: str) -> str:
    # Alibaba: UTF-8, then percent-encode all but A-Z a-z 0-9 - _ . ~ ; space is %20.
    return quote(text, safe="").replace("+", "%20").replace("*", "%2A").replace("%7E", "~")


def aliyun_ok(query: str, secret: str) -> bool:
    pairs = parse_qsl(query, keep_blank_values=True)
    params = dict(pairs)
    given = params.pop("Signature", "")
    canonical = "&".join(f"{_pct(k)}={_pct(v)}" for k, v in sorted(params.items()))
    string_to_sign = "GET&%2F&" + _pct(canonical)
    mac = hmac.new((secret + "&").encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha1)
    return hmac.compare_digest(base64.b64encode(mac.digest()).decode(), given)


def tencent_ok(headers: Any, body: bytes, key_id: str, secret: str) -> bool:
    auth = headers.get("Authorization", "")
    if not auth.startswith("TC3-HMAC-SHA256 "):
        return False
    fields = dict(p.strip().split("=", 1) for p in auth[len("TC3-HMAC-SHA256 "):].split(","))
    cred_id, day, service, term = fields["Credential"].split("/")
    timestamp = int(headers["X-TC-Timestamp"])
    if (cred_id, service, term) != (key_id, "sms", "tc3_request") or day != datetime.fromtimestamp(
            timestamp, UTC).strftime("%Y-%m-%d"):
        return False
    signed = fields["SignedHeaders"].split(";")
    # Tencent: each signed header as "name:value" in lower case, trimmed, one a line.
    canonical_headers = "".join(f"{h}:{headers[h].strip().lower()}\n" for h in signed)
    canonical = (f"POST\n/\n\n{canonical_headers}\n{fields['SignedHeaders']}\n"
                 f"{hashlib.sha256(body).hexdigest()}")
    to_sign = (f"TC3-HMAC-SHA256\n{timestamp}\n{day}/sms/tc3_request\n"
               f"{hashlib.sha256(canonical.encode()).hexdigest()}")

    def sign(key: bytes, msg: str) -> bytes:
        return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()

    k = sign(sign(sign(("TC3" + secret).encode("utf-8"), day), "sms"), "tc3_request")
    return hmac.compare_digest(hmac.new(k, to_sign.encode(), hashlib.sha256).hexdigest(),
                               fields["Signature"])


@dataclass
class Received:
    provider: str
    signed: bool
    params: dict[str, Any]  # Alibaba: the query; Tencent: the JSON body


@dataclass
class FakeSms:
    provider: str = "aliyun"
    secret: str = SECRET
    answer: str = "ok"  # ok | error:<code> | html | timeout
    delay: float = 1.5
    received: list[Received] = field(default_factory=list)
    url: str = ""

    @property
    def signed(self) -> list[Received]:
        return [r for r in self.received if r.signed]


def _handler(fake: FakeSms) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _reply(self, status: int, body: bytes, kind: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _answer(self, signed: bool) -> None:
            if fake.answer == "timeout":
                time.sleep(fake.delay)
            if fake.answer == "html":
                self._reply(502, b"<html><body><h1>502 Bad Gateway</h1></body></html>",
                            "text/html")
                return
            if fake.provider == "aliyun":
                if not signed:
                    out = {"Code": "SignatureDoesNotMatch", "Message": "Specified signature "
                           "is not matched with our calculation.", "RequestId": "R1"}
                    self._reply(400, json.dumps(out).encode())
                elif fake.answer.startswith("error:"):
                    out = {"Code": fake.answer[6:], "Message": "refused", "RequestId": "R2"}
                    self._reply(200, json.dumps(out).encode())
                else:
                    out = {"Code": "OK", "Message": "OK", "BizId": f"BIZ{len(fake.received)}",
                           "RequestId": "R3"}
                    self._reply(200, json.dumps(out).encode())
                return
            if not signed:
                out: dict[str, Any] = {"Response": {"Error": {
                    "Code": "AuthFailure.SignatureFailure", "Message": "The provided "
                    "credentials could not be validated."}, "RequestId": "T1"}}
            elif fake.answer.startswith("error:"):
                out = {"Response": {"Error": {"Code": fake.answer[6:], "Message": "refused"},
                                    "RequestId": "T2"}}
            else:
                out = {"Response": {"SendStatusSet": [{
                    "SerialNo": f"SN{len(fake.received)}", "PhoneNumber": "+86", "Fee": 1,
                    "SessionContext": "", "Code": "Ok", "Message": "send success",
                    "IsoCode": "CN"}], "RequestId": "T3"}}
            self._reply(200, json.dumps(out, ensure_ascii=False).encode())

        def do_GET(self) -> None:  # Alibaba's RPC style
            query = urlsplit(self.path).query
            signed = fake.provider == "aliyun" and aliyun_ok(query, fake.secret)
            fake.received.append(Received("aliyun", signed, dict(parse_qsl(query))))
            self._answer(signed)

        def do_POST(self) -> None:  # Tencent's API 3.0
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            headers = {k: v for k, v in self.headers.items()}
            lowered = {k.lower(): v for k, v in headers.items()}
            signed = (fake.provider == "tencent" and lowered.get("x-tc-action") == "SendSms"
                      and lowered.get("x-tc-version") == "2021-01-11"
                      and tencent_ok({**headers, **lowered}, body, KEY_ID, fake.secret))
            fake.received.append(Received("tencent", signed, json.loads(body or b"{}")))
            self._answer(signed)

    return Handler


@contextmanager
def fake_sms(provider: str = "aliyun") -> Iterator[FakeSms]:
    fake = FakeSms(provider)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
