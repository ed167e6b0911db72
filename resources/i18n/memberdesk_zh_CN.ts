<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnalysisPage</name>
    <message>
        <source>The scores have not been computed yet: press Refresh scores.</source>
        <translation>尚未计算会员评分：请按“更新评分”。</translation>
    </message>
    <message>
        <source>Segments, grades, lifecycle and the churn list are as of {scored} (the last refresh); press Refresh scores to compute them as of {day}.</source>
        <translation>分群、等级、生命周期和流失名单为 {scored} 的评分（上次更新）；按“更新评分”按 {day} 重新计算。</translation>
    </message>
    <message>
        <source>Refreshing the scores… you can keep working at the counter.</source>
        <translation>正在更新评分……收银台可以照常工作。</translation>
    </message>
    <message>
        <source>Scores refreshed as of {day}: {members} members, {churn} churn warnings.</source>
        <translation>评分已更新（截至 {day}）：{members} 位会员，{churn} 位流失预警。</translation>
    </message>
    <message>
        <source>Member analysis</source>
        <translation>会员分析</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>截至日期(&amp;A)</translation>
    </message>
    <message>
        <source>Show (Enter)</source>
        <translation>查看（回车）</translation>
    </message>
    <message>
        <source>Refresh scores</source>
        <translation>更新评分</translation>
    </message>
</context>
<context>
    <name>ApprovalActions</name>
    <message>
        <source>Giving a coupon</source>
        <translation>发放优惠券</translation>
    </message>
    <message>
        <source>A refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>The discount on this sale</source>
        <translation>本单优惠</translation>
    </message>
    <message>
        <source>The price change on this sale</source>
        <translation>本单改价</translation>
    </message>
    <message>
        <source>Undoing a use of a count card</source>
        <translation>撤销次卡的一次使用</translation>
    </message>
    <message>
        <source>Refunding a count card</source>
        <translation>退次卡未用部分</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Type the approver&apos;s user name.</source>
        <translation>请输入授权人的用户名。</translation>
    </message>
    <message>
        <source>Type the approver&apos;s password.</source>
        <translation>请输入授权人的密码。</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>Confirm with your password</source>
        <translation>输入密码确认</translation>
    </message>
    <message>
        <source>To {action}, type your password again.</source>
        <translation>要{action}，请再次输入你的密码。</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>店长授权</translation>
    </message>
    <message>
        <source>{action} needs a manager or the owner. They type their user name and password here; the approval counts once.</source>
        <translation>{action}需要店长或老板授权：请其在此输入用户名和密码，授权仅限本次使用。</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>User name or the name on the login list</source>
        <translation>用户名，或登录列表上的姓名</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Confirm (Enter)</source>
        <translation>确认（回车）</translation>
    </message>
    <message>
        <source>Approve (Enter)</source>
        <translation>授权（回车）</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Row {no}</source>
        <translation>第 {no} 条</translation>
    </message>
    <message>
        <source>No details recorded.</source>
        <translation>没有记录详情。</translation>
    </message>
    <message>
        <source>Exporting… you can keep working.</source>
        <translation>正在导出……可以继续工作。</translation>
    </message>
    <message>
        <source>Checking the audit chain… you can keep working.</source>
        <translation>正在核对审计链……可以继续工作。</translation>
    </message>
    <message>
        <source>Ctrl+K checks that no row was altered or deleted.</source>
        <translation>按 Ctrl+K 核对审计记录有没有被修改或删除。</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>全部员工</translation>
    </message>
    <message>
        <source>No rows match.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) written to {path}</source>
        <translation>
            <numerusform>已导出 %Ln 条到 {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Newest %Ln row(s) shown; scroll for more.</source>
        <translation>
            <numerusform>显示最新的 %Ln 条，向下滚动查看更多。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s).</source>
        <translation>
            <numerusform>共 %Ln 条。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>操作(&amp;A)</translation>
    </message>
    <message>
        <source>S&amp;taff</source>
        <translation>员工(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>Check the chain (Ctrl+K)</source>
        <translation>核对审计链 (Ctrl+K)</translation>
    </message>
    <message>
        <source>Export to Excel (Ctrl+E)</source>
        <translation>导出 Excel (Ctrl+E)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>授权人</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Audit &amp;log</source>
        <translation>审计日志(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Shift checks</source>
        <translation>交班审核(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;ystem log</source>
        <translation>系统日志(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>BackOffice</name>
    <message>
        <source>Back office</source>
        <translation>后台</translation>
    </message>
    <message>
        <source>Back office — {name}</source>
        <translation>后台 — {name}</translation>
    </message>
    <message>
        <source>Day close</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Loyalty rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Daily jobs</source>
        <translation>每日任务</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Count cards</source>
        <translation>计次卡</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>积分商城</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>My shift</source>
        <translation>我的交班</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>定时</translation>
    </message>
    <message>
        <source>day close</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>before restoring
the {when} backup</source>
        <translation>恢复前
（恢复 {when} 的备份）</translation>
    </message>
    <message>
        <source>second copy: {folder}</source>
        <translation>第二备份位置：{folder}</translation>
    </message>
    <message>
        <source>this computer: {folder}</source>
        <translation>本机：{folder}</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已校验</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>未校验</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Backing up and verifying the copy…</source>
        <translation>正在备份并校验副本…</translation>
    </message>
    <message>
        <source>Backed up and verified: {when}, {size}</source>
        <translation>备份完成并已校验：{when}，{size}</translation>
    </message>
    <message>
        <source>Choose a backup in the list first.</source>
        <translation>请先在列表中选择一份备份。</translation>
    </message>
    <message>
        <source>Restore which backup?</source>
        <translation>恢复哪一份备份？</translation>
    </message>
    <message>
        <source>MemberDesk databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>MemberDesk 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Wait until the export or backup finishes.</source>
        <translation>请等导出或备份完成后再操作。</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <source>Restoring {file}…</source>
        <translation>正在恢复 {file}…</translation>
    </message>
    <message>
        <source>{file} is a good backup. Read what the restore takes back, then confirm with your password.</source>
        <translation>{file} 是完好的备份。请先看清恢复会撤销哪些数据，再输入密码确认。</translation>
    </message>
    <message>
        <source>Reading the backup state…</source>
        <translation>正在读取备份状态…</translation>
    </message>
    <message>
        <source>There is no good backup yet.</source>
        <translation>还没有可用的备份。</translation>
    </message>
    <message>
        <source>Last good backup: {when}</source>
        <translation>最近一次可用备份：{when}</translation>
    </message>
    <message>
        <source>Second copy to: {folder}</source>
        <translation>第二备份位置：{folder}</translation>
    </message>
    <message>
        <source>Nothing is backed up yet: back up now.</source>
        <translation>还没有任何备份，请立即备份。</translation>
    </message>
    <message>
        <source>The last good backup is more than a day old: back up now.</source>
        <translation>最近一次可用备份已超过一天，请立即备份。</translation>
    </message>
    <message>
        <source>The second backup destination {folder} is missing: plug in the USB drive.</source>
        <translation>找不到第二备份位置 {folder}：请插入U盘。</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>&amp;Backups found: {count} (newest first)</source>
        <translation>找到的备份(&amp;B)：{count} 份（最新的在前）</translation>
    </message>
    <message>
        <source>Restore the chosen backup (Enter)</source>
        <translation>恢复选中的备份（回车）</translation>
    </message>
    <message>
        <source>Restore replaces all current data with a backup. The file is checked first and the current data is backed up before it is replaced.</source>
        <translation>恢复会用备份替换当前全部数据。恢复前会先检查备份文件，并先备份当前数据。</translation>
    </message>
    <message>
        <source>Only the owner can restore a backup.</source>
        <translation>只有老板可以恢复备份。</translation>
    </message>
    <message>
        <source>Restore from another file…</source>
        <translation>从其他文件恢复…</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Type a hold-out share from 0 to {max} (%).</source>
        <translation>对照组比例请填写 0 到 {max}（%）。</translation>
    </message>
    <message>
        <source>Type the days the result is measured over.</source>
        <translation>请填写统计效果的天数。</translation>
    </message>
    <message>
        <source>Save a segment and set up a coupon first.</source>
        <translation>请先保存一个会员分群，并设置好优惠券。</translation>
    </message>
    <message>
        <source>Campaign “{name}” created: run it to issue the coupons.</source>
        <translation>活动“{name}”已创建：点“运行”发券。</translation>
    </message>
    <message>
        <source>Campaign “{name}” created: the counter applies it from now on.</source>
        <translation>活动“{name}”已创建：收银台即刻生效。</translation>
    </message>
    <message>
        <source>Press End again to end “{name}” now.</source>
        <translation>再按一次“立即结束”，结束活动“{name}”。</translation>
    </message>
    <message>
        <source>“{name}” ended.</source>
        <translation>活动“{name}”已结束。</translation>
    </message>
    <message>
        <source>Issuing the coupons of “{name}”…</source>
        <translation>正在发放活动“{name}”的券…</translation>
    </message>
    <message>
        <source>Stopped: {issued} coupons issued so far; run it again to go on.</source>
        <translation>已停止：目前已发 {issued} 张券；再次运行会接着发。</translation>
    </message>
    <message>
        <source>{issued} coupons issued, {held} members held out.</source>
        <translation>已发券 {issued} 张，对照组 {held} 位会员。</translation>
    </message>
    <message>
        <source>Writing the report of “{name}”…</source>
        <translation>正在生成活动“{name}”的报表…</translation>
    </message>
    <message>
        <source>Written: {files}</source>
        <translation>已导出：{files}</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有顾客</translation>
    </message>
    <message>
        <source>Members only</source>
        <translation>仅限会员</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>on</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已发券</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Member day</source>
        <translation>会员日</translation>
    </message>
    <message>
        <source>Special price</source>
        <translation>限时特价</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>会员分群</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已触达</translation>
    </message>
    <message>
        <source>Held out</source>
        <translation>对照组人数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;egment</source>
        <translation>分群(&amp;E)</translation>
    </message>
    <message>
        <source>C&amp;oupon</source>
        <translation>优惠券(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>适用对象(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Hold-out %</source>
        <translation>对照组 %(&amp;H)</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>所有等级</translation>
    </message>
    <message>
        <source>Free gift</source>
        <translation>满赠</translation>
    </message>
    <message>
        <source>Segment / kind</source>
        <translation>分群 / 类型</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation>统计天数(&amp;D)</translation>
    </message>
    <message>
        <source>“{name}” saved.</source>
        <translation>“{name}”已保存。</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Change “{name}” (before it starts)</source>
        <translation>修改“{name}”（开始前）</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Run (issue coupons)</source>
        <translation>运行（发券）</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>立即结束</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Report (Excel and PDF)</source>
        <translation>报表（Excel 和 PDF）</translation>
    </message>
</context>
<context>
    <name>CardsDialog</name>
    <message>
        <source>Swipe the card or type its number.</source>
        <translation>请刷卡或输入卡号。</translation>
    </message>
    <message>
        <source>Card {uid} is in use: member {member_no} {name}.</source>
        <translation>卡 {uid} 正常使用中：会员 {member_no} {name}。</translation>
    </message>
    <message>
        <source>Swipe the new card into &quot;New card&quot;.</source>
        <translation>请在“新卡”栏刷新卡。</translation>
    </message>
    <message>
        <source>Voiding unbinds card {uid} from its member. Press Void again to confirm.</source>
        <translation>作废会解除卡 {uid} 与会员的绑定。再按一次“作废”确认。</translation>
    </message>
    <message>
        <source>Card {uid} of member {member_no}: {state}.</source>
        <translation>会员 {member_no} 的卡 {uid}：{state}。</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Cards of {name} ({member_no})</source>
        <translation>{name}（{member_no}）的会员卡</translation>
    </message>
    <message>
        <source>Lost, found, replaced and void cards</source>
        <translation>挂失、解挂、补卡与作废</translation>
    </message>
    <message>
        <source>Member&apos;s cards</source>
        <translation>会员的卡</translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation>卡号(&amp;C)</translation>
    </message>
    <message>
        <source>Swipe or type the card; Enter shows whose it is</source>
        <translation>刷卡或输入卡号，回车查看卡的状态</translation>
    </message>
    <message>
        <source>&amp;New card</source>
        <translation>新卡(&amp;N)</translation>
    </message>
    <message>
        <source>For a replacement: swipe the new card here</source>
        <translation>补卡时在此刷新卡</translation>
    </message>
    <message>
        <source>Report &amp;lost</source>
        <translation>挂失(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Found again</source>
        <translation>解挂(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>补卡(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Void</source>
        <translation>作废(&amp;V)</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Disc.</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>[Gift] {name}</source>
        <translation>【赠品】{name}</translation>
    </message>
    <message>
        <source>A gift with this purchase: added by itself while the sale reaches the amount, at no charge.</source>
        <translation>满赠赠品：本单金额达到门槛时自动加入，不收费。</translation>
    </message>
    <message>
        <source>Plain amount</source>
        <translation>直接收款</translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <source>Cart</source>
        <translation>购物清单</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Plain amount ¥</source>
        <translation>直接收款 ¥</translation>
    </message>
    <message>
        <source>Scan, code or name</source>
        <translation>扫码、编码或名称</translation>
    </message>
    <message>
        <source>A barcode or code adds the item; a name, pinyin initials or a part of them show a pick list</source>
        <translation>条码或编码直接加入商品；名称、拼音首字母或其中一部分会列出候选商品</translation>
    </message>
    <message>
        <source>One more of the selected line (+)</source>
        <translation>选中行数量加一（+）</translation>
    </message>
    <message>
        <source>One less of the selected line (-)</source>
        <translation>选中行数量减一（-）</translation>
    </message>
    <message>
        <source>Remove the selected line (Del)</source>
        <translation>删除选中行（Del）</translation>
    </message>
</context>
<context>
    <name>CategoryPoints</name>
    <message>
        <source>shop&apos;s rate ({rate})</source>
        <translation>全店规则（{rate}）</translation>
    </message>
    <message>
        <source>{rate} per yuan</source>
        <translation>每元 {rate} 分</translation>
    </message>
    <message>
        <source>Points per category</source>
        <translation>分类积分</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>分类(&amp;C)</translation>
    </message>
    <message>
        <source>Points per &amp;yuan</source>
        <translation>每元积分(&amp;Y)</translation>
    </message>
    <message>
        <source>empty: shop&apos;s</source>
        <translation>留空：按全店</translation>
    </message>
    <message>
        <source>Save rate</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>CloseForDialog</name>
    <message>
        <source>Count the cash first: type the amount in the drawer.</source>
        <translation>请先清点现金：输入钱箱里的金额。</translation>
    </message>
    <message>
        <source>Close for them</source>
        <translation>代交班</translation>
    </message>
    <message>
        <source>Close shift {number} of {name} for them (opened {when})</source>
        <translation>为 {name} 代交班：班次 {number}（{when} 开班）</translation>
    </message>
    <message>
        <source>Close shift (Enter)</source>
        <translation>交班（回车）</translation>
    </message>
</context>
<context>
    <name>CountCardDialog</name>
    <message>
        <source>valid to {date}</source>
        <translation>有效期至 {date}</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>{card} · {service}
{left}/{total} left    {ends}</source>
        <translation>{card} · {service}
剩余 {left}/{total} 次    {ends}</translation>
    </message>
    <message>
        <source>{card} {service} ×{uses}, {left} left</source>
        <translation>{card} {service} ×{uses}，剩余 {left} 次</translation>
    </message>
    <message>
        <source>Used by mistake</source>
        <translation>误操作撤销</translation>
    </message>
    <message>
        <source>Refund the {left} unused uses of {card} by the shop&apos;s rule? Press “Refund unused” again to confirm.</source>
        <translation>按本店规则退“{card}”未用的 {left} 次？再按一次“退未用部分”确认。</translation>
    </message>
    <message>
        <source>Customer returns the card</source>
        <translation>顾客退卡</translation>
    </message>
    <message>
        <source>Refunded {amount} for the unused uses ({refund_no}).</source>
        <translation>已退 {amount}（未用次数，退款单 {refund_no}）。</translation>
    </message>
    <message>
        <source>Use undone: {card} {service}, {left} left</source>
        <translation>已撤销使用：{card} {service}，剩余 {left} 次</translation>
    </message>
    <message>
        <source>Count cards</source>
        <translation>计次卡</translation>
    </message>
    <message>
        <source>Count cards of {name} ({member_no})</source>
        <translation>{name}（{member_no}）的计次卡</translation>
    </message>
    <message>
        <source>Card and service</source>
        <translation>卡和服务</translation>
    </message>
    <message>
        <source>&amp;Uses</source>
        <translation>次数(&amp;U)</translation>
    </message>
    <message>
        <source>This member has no usable count card. Sell one like any product: ring up the card&apos;s code and take payment.</source>
        <translation>这位会员没有可用的计次卡。卖卡和卖商品一样：输入卡的编号，再结账。</translation>
    </message>
    <message>
        <source>Use (Enter)</source>
        <translation>使用（Enter）</translation>
    </message>
    <message>
        <source>Undo last use</source>
        <translation>撤销上一次</translation>
    </message>
    <message>
        <source>Refund unused</source>
        <translation>退未用部分</translation>
    </message>
</context>
<context>
    <name>CountCardsPage</name>
    <message>
        <source>{service} ×{uses}</source>
        <translation>{service} {uses} 次</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>to {date}</source>
        <translation>至 {date}</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停售</translation>
    </message>
    <message>
        <source>Resume selling</source>
        <translation>恢复销售</translation>
    </message>
    <message>
        <source>Stop selling</source>
        <translation>停止销售</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Services: item code × uses, e.g. WASH×10, WAX×2</source>
        <translation>服务项目：商品编号×次数，例如 WASH×10, WAX×2</translation>
    </message>
    <message>
        <source>Days: a whole number, or leave it empty</source>
        <translation>有效天数：填整数，或留空</translation>
    </message>
    <message>
        <source>End date: YYYY-MM-DD, or leave it empty</source>
        <translation>截止日期：年-月-日（如 2027-12-31），或留空</translation>
    </message>
    <message>
        <source>Tier price</source>
        <translation>等级价</translation>
    </message>
    <message>
        <source>Tier prices: tier code = price, e.g. gold=230</source>
        <translation>等级价：等级编号=价格，例如 gold=230</translation>
    </message>
    <message>
        <source>{name} is on sale: ring up {code} at the counter.</source>
        <translation>“{name}”已上架：收银时输入 {code} 即可卖出。</translation>
    </message>
    <message>
        <source>{name} saved; cards already sold keep their uses and dates.</source>
        <translation>“{name}”已保存；已售出的卡次数和有效期不变。</translation>
    </message>
    <message>
        <source>{name} is on sale again.</source>
        <translation>“{name}”已恢复销售。</translation>
    </message>
    <message>
        <source>{name} is no longer sold.</source>
        <translation>“{name}”已停售（已售出的卡照常使用）。</translation>
    </message>
    <message>
        <source>Count card templates</source>
        <translation>计次卡模板</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add a template, or pick one to change it</source>
        <translation>新增模板，或在上表中选一个修改</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>编号(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Price ¥</source>
        <translation>价格 ¥(&amp;P)</translation>
    </message>
    <message>
        <source>Ser&amp;vices</source>
        <translation>服务项目(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Days valid</source>
        <translation>有效天数(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;End date</source>
        <translation>截止日期(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Tier prices</source>
        <translation>等级价(&amp;T)</translation>
    </message>
    <message>
        <source>e.g. WASH10</source>
        <translation>例如 WASH10</translation>
    </message>
    <message>
        <source>e.g. 洗车10次卡</source>
        <translation>例如 洗车10次卡</translation>
    </message>
    <message>
        <source>e.g. WASH×10, WAX×2</source>
        <translation>如 WASH×10, WAX×2</translation>
    </message>
    <message>
        <source>item code × uses, e.g. WASH×10, WAX×2</source>
        <translation>商品编号×次数，例如 WASH×10, WAX×2</translation>
    </message>
    <message>
        <source>e.g. 365; empty: no limit</source>
        <translation>例如 365；留空为不限</translation>
    </message>
    <message>
        <source>YYYY-MM-DD; optional</source>
        <translation>年-月-日，可不填</translation>
    </message>
    <message>
        <source>optional, e.g. gold=230, silver=240</source>
        <translation>可不填，例如 gold=230, silver=240</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>New</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <source>Sold by its code at the counter, to a member; Shift+F3 uses it.</source>
        <translation>收银台按编号卖给会员；按 Shift+F3 使用。</translation>
    </message>
    <message>
        <source>Refunds of the unused part follow the setting “Count card refund rule”.</source>
        <translation>退未用部分按设置“计次卡退款规则”办理。</translation>
    </message>
</context>
<context>
    <name>CounterMessages</name>
    <message>
        <source>The shop database is busy: another program is holding it. Nothing was saved. Close the other program (or wait a moment) and try again.</source>
        <translation>数据库正被另一个程序占用，本次操作没有保存任何内容。请关闭该程序（或稍等片刻）后重试。</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation>磁盘已满，本次操作没有保存任何内容。请清理磁盘空间后重试。</translation>
    </message>
    <message>
        <source>The card could not be read. Present it to the reader again.</source>
        <translation>读卡失败，请重新刷卡。</translation>
    </message>
    <message>
        <source>The card was taken away while it was being read. Present it again.</source>
        <translation>读卡时卡片被拿开了，请重新刷卡。</translation>
    </message>
    <message>
        <source>The card reader was disconnected. Plug it in again, or type the phone or member number.</source>
        <translation>读卡器已断开。请重新插好读卡器，或直接输入手机号、会员号。</translation>
    </message>
    <message>
        <source>The card reader service is not running. Type the phone or member number meanwhile.</source>
        <translation>读卡服务未运行，请先输入手机号或会员号。</translation>
    </message>
    <message>
        <source>A card was presented during the payment. Finish or cancel this payment first (Esc).</source>
        <translation>正在收款时刷了卡：请先完成或取消本次收款（Esc）。</translation>
    </message>
    <message>
        <source>Type an amount in yuan, e.g. 25 or 12.50.</source>
        <translation>请输入以元为单位的金额，例如 25 或 12.50。</translation>
    </message>
    <message>
        <source>The cart is empty: scan an item or type an amount first.</source>
        <translation>还没有商品：请先扫码或输入金额。</translation>
    </message>
    <message>
        <source>Select a line of the cart first.</source>
        <translation>请先选中购物清单中的一行。</translation>
    </message>
    <message>
        <source>Open a shift before taking payments: press F5 and count the float.</source>
        <translation>请先开班再收银：按 F5，清点备用金。</translation>
    </message>
    <message>
        <source>No receipt printer is set up (back office F8, Settings). The receipt is shown on screen only.</source>
        <translation>未设置小票打印机（在 F8 后台的“设置”中设置），小票只在屏幕上显示。</translation>
    </message>
    <message>
        <source>The receipt printer did not answer: {detail}. The sale itself is saved.</source>
        <translation>小票打印机没有响应：{detail}。本笔交易已保存。</translation>
    </message>
    <message>
        <source>The receipt printer is not connected: check its cable and power, then print again (P). The sale itself is saved.</source>
        <translation>小票打印机没有连接：请检查数据线和电源，然后按 P 重新打印。本笔交易已保存。</translation>
    </message>
    <message>
        <source>The receipt printer is out of paper: put in a new roll, then print again (P). The sale itself is saved.</source>
        <translation>小票打印机缺纸：请装上新纸卷，然后按 P 重新打印。本笔交易已保存。</translation>
    </message>
    <message>
        <source>The printer is not connected: check its cable, power and address ({detail}).</source>
        <translation>打印机没有连接：请检查数据线、电源和地址（{detail}）。</translation>
    </message>
    <message>
        <source>The printer is out of paper: put in a new roll and try again.</source>
        <translation>打印机缺纸：请装上新纸卷后再试。</translation>
    </message>
    <message>
        <source>The printer did not print: {detail}</source>
        <translation>打印机没有打印：{detail}</translation>
    </message>
    <message>
        <source>Type the printer&apos;s address first, e.g. usb:0416:5011, network:192.168.1.87:9100, serial:/dev/ttyUSB0 or file:/dev/usb/lp0.</source>
        <translation>请先填写打印机地址，例如 usb:0416:5011、network:192.168.1.87:9100、serial:/dev/ttyUSB0 或 file:/dev/usb/lp0。</translation>
    </message>
    <message>
        <source>That is not a printer address: {detail}</source>
        <translation>不是可用的打印机地址：{detail}</translation>
    </message>
    <message>
        <source>No member was picked.</source>
        <translation>未选择会员。</translation>
    </message>
    <message>
        <source>Member {name} ({member_no}) is no longer at the counter.</source>
        <translation>已取消会员 {name}（{member_no}）。</translation>
    </message>
    <message>
        <source>Member {name} ({member_no}) is no longer at the counter: this sale is a walk-in sale.</source>
        <translation>已取消会员 {name}（{member_no}），本单按非会员结算。</translation>
    </message>
    <message>
        <source>Member {name} ({member_no}) stays on this sale (Esc takes the member off).</source>
        <translation>会员 {name}（{member_no}）仍在本单上（按 Esc 取消会员）。</translation>
    </message>
</context>
<context>
    <name>CounterTasks</name>
    <message>
        <source>Recharge</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>登记会员</translation>
    </message>
    <message>
        <source>Lost card</source>
        <translation>挂失/补卡</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>后台</translation>
    </message>
    <message>
        <source>Member details</source>
        <translation>会员资料</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Give coupon</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>Count card</source>
        <translation>计次卡</translation>
    </message>
    <message>
        <source>Find the member first: swipe the card or search above, then press {key}.</source>
        <translation>请先找到会员：刷卡或在上方搜索，然后按 {key}。</translation>
    </message>
</context>
<context>
    <name>CouponList</name>
    <message>
        <source>{name}: not for this sale ({why})</source>
        <translation>{name}：本单不可用（{why}）</translation>
    </message>
    <message>
        <source>{name}: saves {saving}</source>
        <translation>{name}：省 {saving}</translation>
    </message>
</context>
<context>
    <name>CouponNotice</name>
    <message>
        <source>Coupon not used: {name} saves {saving} — {key}</source>
        <translation>有券没用：{name} 省 {saving} — 按 {key} 使用</translation>
    </message>
    <message>
        <source>{count} coupons not used; best: {name} saves {saving} — {key}</source>
        <translation>有 {count} 张券没用，最省：{name} 省 {saving} — 按 {key} 使用</translation>
    </message>
</context>
<context>
    <name>CouponWords</name>
    <message>
        <source>none</source>
        <translation>无门槛</translation>
    </message>
</context>
<context>
    <name>CouponsTab</name>
    <message>
        <source>everything</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Coupon {name} ({code}) is added: pick it in the list to give it to a member.</source>
        <translation>优惠券“{name}”（{code}）已添加：在列表中选中它即可发给会员。</translation>
    </message>
    <message>
        <source>Coupon {name} can be given again.</source>
        <translation>优惠券“{name}”已重新启用，可以发放。</translation>
    </message>
    <message>
        <source>Coupon {name} is deactivated: coupons already given can no longer be used.</source>
        <translation>优惠券“{name}”已停用：已发出的券也不能再用。</translation>
    </message>
    <message>
        <source>Pick a coupon in the list first.</source>
        <translation>请先在列表中选中一种优惠券。</translation>
    </message>
    <message>
        <source>Type the member&apos;s phone, card or member number.</source>
        <translation>请输入会员的手机号、卡号或会员号。</translation>
    </message>
    <message>
        <source>{count} × {coupon} given to {name} ({member_no}).</source>
        <translation>已发给 {name}（{member_no}）：{coupon} × {count}。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Min. spend</source>
        <translation>满</translation>
    </message>
    <message>
        <source>For</source>
        <translation>适用</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Given / used</source>
        <translation>已发 / 已用</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>New coupon</source>
        <translation>新优惠券</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>会员(&amp;M)</translation>
    </message>
    <message>
        <source>Cou&amp;nt</source>
        <translation>张数(&amp;N)</translation>
    </message>
    <message>
        <source>whole phone number, card or member number</source>
        <translation>完整手机号、卡号或会员号</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>编号(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>Share &amp;paid</source>
        <translation>折扣(&amp;P)</translation>
    </message>
    <message>
        <source>At most &amp;off</source>
        <translation>最多减(&amp;O)</translation>
    </message>
    <message>
        <source>Min. &amp;spend</source>
        <translation>最低消费(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation>适用(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Days valid</source>
        <translation>有效天数(&amp;D)</translation>
    </message>
    <message>
        <source>F&amp;rom</source>
        <translation>开始(&amp;R)</translation>
    </message>
    <message>
        <source>U&amp;ntil</source>
        <translation>结束(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation>时段(&amp;H)</translation>
    </message>
    <message>
        <source>Per &amp;member</source>
        <translation>每人限用(&amp;M)</translation>
    </message>
    <message>
        <source>In a&amp;ll</source>
        <translation>总共限用(&amp;L)</translation>
    </message>
    <message>
        <source>With other coupons</source>
        <translation>可与其他券同用</translation>
    </message>
    <message>
        <source>e.g. OFF5</source>
        <translation>例如 OFF5</translation>
    </message>
    <message>
        <source>The amount off, or the item&apos;s fixed price</source>
        <translation>减免的金额，或特价商品的价格</translation>
    </message>
    <message>
        <source>empty: everything; or category / product codes</source>
        <translation>留空 = 全部商品；或填分类/商品编号，逗号分开</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Add the coupon</source>
        <translation>添加优惠券</translation>
    </message>
    <message>
        <source>New coupon (Ctrl+N)</source>
        <translation>新建优惠券 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>返回列表</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>MemberDesk: unexpected error</source>
        <translation>MemberDesk：程序出错</translation>
    </message>
    <message>
        <source>Sorry, MemberDesk ran into an unexpected problem.</source>
        <translation>抱歉，MemberDesk 遇到了意外问题。</translation>
    </message>
    <message>
        <source>Every sale and top-up is saved whole or not at all, so finished work is safe. The details were written to the log file:
{path}
Please send this file to your support contact.</source>
        <translation>每笔收银和充值要么完整保存，要么完全不写入，已完成的业务不受影响。详细信息已写入日志文件：
{path}
请把这个文件发给技术支持人员。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续使用</translation>
    </message>
    <message>
        <source>Quit MemberDesk</source>
        <translation>退出程序</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DailyJobsPage</name>
    <message>
        <source>Points expiry</source>
        <translation>积分过期</translation>
    </message>
    <message>
        <source>Tier evaluation</source>
        <translation>会员等级评定</translation>
    </message>
    <message>
        <source>Birthday gifts</source>
        <translation>生日礼</translation>
    </message>
    <message>
        <source>Count card expiry</source>
        <translation>计次卡过期</translation>
    </message>
    <message>
        <source>Member analytics</source>
        <translation>会员分析</translation>
    </message>
    <message>
        <source>Text messages</source>
        <translation>短信通知</translation>
    </message>
    <message>
        <source>Wait until the export or backup finishes.</source>
        <translation>请等导出或备份完成后再操作。</translation>
    </message>
    <message>
        <source>Running the daily jobs due…</source>
        <translation>正在运行到期的每日任务…</translation>
    </message>
    <message>
        <source>Done: the jobs of {days} day(s) ran.</source>
        <translation>完成：已运行 {days} 天的任务。</translation>
    </message>
    <message>
        <source>Nothing was due.</source>
        <translation>没有到期的任务。</translation>
    </message>
    <message>
        <source>{points} points of {members} members expired</source>
        <translation>{members} 位会员的 {points} 积分过期</translation>
    </message>
    <message>
        <source>{up} up, {down} down, {renewed} renewed</source>
        <translation>升级 {up}，降级 {down}，保级 {renewed}</translation>
    </message>
    <message>
        <source>{members} gifts: {points} points, {coupons} coupons</source>
        <translation>{members} 份生日礼：{points} 积分，{coupons} 张券</translation>
    </message>
    <message>
        <source>{cards} count cards expired, {uses} uses</source>
        <translation>{cards} 张计次卡过期，共 {uses} 次</translation>
    </message>
    <message>
        <source>not needed for a past day (only the last day is scored)</source>
        <translation>过去的日子无需评分（只评最后一天）</translation>
    </message>
    <message>
        <source>{scored} of {members} members scored, {churn} churn warnings</source>
        <translation>{members} 位会员中 {scored} 位已评分，{churn} 条流失预警</translation>
    </message>
    <message>
        <source>{reminders} expiry reminders written, {sent} messages sent</source>
        <translation>写入 {reminders} 条积分到期提醒，发送 {sent} 条短信</translation>
    </message>
    <message>
        <source>Daily jobs</source>
        <translation>每日任务</translation>
    </message>
    <message>
        <source>Run due jobs now</source>
        <translation>立即运行到期任务</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Last run for</source>
        <translation>最近运行至</translation>
    </message>
    <message>
        <source>What it did</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Days due</source>
        <translation>待运行天数</translation>
    </message>
    <message>
        <source>Shop today: {day}. The jobs run by themselves at start-up, every 10 minutes and after the day close; each runs once for each business date.</source>
        <translation>门店今天：{day}。每日任务在启动时、每 10 分钟和日结后自动运行，每个营业日只运行一次。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未运行</translation>
    </message>
</context>
<context>
    <name>DayClosePage</name>
    <message>
        <source>Shift {number} of {name} is closed for them.</source>
        <translation>已为 {name} 代交班：班次 {number} 已交班。</translation>
    </message>
    <message>
        <source>Sign-ins · points</source>
        <translation>签到 · 积分</translation>
    </message>
    <message>
        <source>Gifts redeemed · points</source>
        <translation>兑换礼品 · 积分</translation>
    </message>
    <message>
        <source>Referral points given · taken back</source>
        <translation>推荐奖励积分 发放 · 扣回</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>过期积分</translation>
    </message>
    <message>
        <source>Tier changes</source>
        <translation>会员等级变动</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>会员权益</translation>
    </message>
    <message>
        <source>{date} is closed already (report No. {number}).</source>
        <translation>{date} 已经日结（第 {number} 号报表）。</translation>
    </message>
    <message>
        <source>Closing seals {date}: its report gets a number and never changes; later corrections go into the next close. Press &quot;Close the day&quot; again to confirm.</source>
        <translation>日结将封存 {date}：报表编号后不再改变，之后的更正计入下一次日结。再按一次“日结”确认。</translation>
    </message>
    <message>
        <source>{date} is closed: report No. {number}.</source>
        <translation>{date} 已日结：第 {number} 号报表。</translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation>已备份到 {path}。</translation>
    </message>
    <message>
        <source>The automatic backup failed: {problem}</source>
        <translation>自动备份失败：{problem}</translation>
    </message>
    <message>
        <source>Report No. {number} (closed)</source>
        <translation>第 {number} 号报表（已日结）</translation>
    </message>
    <message>
        <source>Preview: the day is not closed yet</source>
        <translation>预览：当日尚未日结</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Sales before refunds</source>
        <translation>销售额（退款前）</translation>
    </message>
    <message>
        <source>{date} is sealed: report No. {number}, closed at {when}. The next business day can be closed once it has begun.</source>
        <translation>{date} 已日结封存：第 {number} 号报表，{when} 日结。下一个营业日开始后才能再日结。</translation>
    </message>
    <message>
        <source>Sale refunds</source>
        <translation>销售退款</translation>
    </message>
    <message>
        <source>Net sales (sales - refunds)</source>
        <translation>净销售额（销售额 - 退款）</translation>
    </message>
    <message>
        <source>Recharges</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Recharge bonus</source>
        <translation>充值赠送</translation>
    </message>
    <message>
        <source>Recharge refunds</source>
        <translation>退充值</translation>
    </message>
    <message>
        <source>Stored value owed</source>
        <translation>储值负债</translation>
    </message>
    <message>
        <source>Points outstanding</source>
        <translation>未用积分</translation>
    </message>
    <message>
        <source>Count card uses left · deferred value</source>
        <translation>计次卡未使用次数 · 递延收入</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新增会员</translation>
    </message>
    <message>
        <source>Takings</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>The day</source>
        <translation>当日</translation>
    </message>
    <message>
        <source>Takings by method</source>
        <translation>各收款方式</translation>
    </message>
    <message>
        <source>Day close</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Business &amp;date</source>
        <translation>营业日(&amp;D)</translation>
    </message>
    <message>
        <source>The day before</source>
        <translation>前一天</translation>
    </message>
    <message>
        <source>The day after</source>
        <translation>后一天</translation>
    </message>
    <message>
        <source>Show (Enter)</source>
        <translation>查看（回车）</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>{date} is the current business day: the next day can be shown once it has begun.</source>
        <translation>{date} 是当前营业日：下一天开始后才能查看。</translation>
    </message>
    <message>
        <source>{date} was closed at {when} (report No. {number}) and cannot be closed again; sales, refunds and recharges made since then go into the next close, which you can make here once {next} has begun.</source>
        <translation>{date} 已于 {when} 日结（第 {number} 号报表），不能再次日结；此后的销售、退款和充值都计入下一次日结，{next} 开始后即可在此日结。</translation>
    </message>
    <message>
        <source>{date} was closed at {when} (report No. {number}) and cannot be closed again; sales, refunds and recharges made after that went into the next close.</source>
        <translation>{date} 已于 {when} 日结（第 {number} 号报表），不能再次日结；此后的销售、退款和充值计入了下一次日结。</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <source>Type a new price, like 8.50.</source>
        <translation>请输入新价格，例如 8.50。</translation>
    </message>
    <message>
        <source>Type an amount (5 or 5.50) or a percent (10%).</source>
        <translation>请输入金额（5 或 5.50）或百分比（10%）。</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Discount or new price</source>
        <translation>折扣或改价</translation>
    </message>
    <message>
        <source>Item discount (F1)</source>
        <translation>单品折扣 (F1)</translation>
    </message>
    <message>
        <source>Order discount (F2)</source>
        <translation>整单折扣 (F2)</translation>
    </message>
    <message>
        <source>New price (F3)</source>
        <translation>改价 (F3)</translation>
    </message>
    <message>
        <source>The whole order</source>
        <translation>整单</translation>
    </message>
    <message>
        <source>{item}, price {price}</source>
        <translation>{item}，原价 {price}</translation>
    </message>
    <message>
        <source>New unit price</source>
        <translation>新单价</translation>
    </message>
    <message>
        <source>5.00 or 10%</source>
        <translation>5.00 或 10%</translation>
    </message>
    <message>
        <source>Empty removes the new price. Above your limit a manager approves.</source>
        <translation>留空即取消改价。超过您的权限上限需店长授权。</translation>
    </message>
    <message>
        <source>Empty or 0 removes it. Above your limit a manager approves.</source>
        <translation>留空或 0 即取消折扣。超过您的权限上限需店长授权。</translation>
    </message>
    <message>
        <source>Apply (Enter)</source>
        <translation>确定 (Enter)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>返回 (Esc)</translation>
    </message>
</context>
<context>
    <name>DiscountKeys</name>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Order discount</source>
        <translation>整单折扣</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>改价</translation>
    </message>
    <message>
        <source>Manual discount {amount}</source>
        <translation>手工优惠 {amount}</translation>
    </message>
</context>
<context>
    <name>Discounts</name>
    <message>
        <source>Member price</source>
        <translation>会员价</translation>
    </message>
    <message>
        <source>{tier} discount</source>
        <translation>{tier}折扣</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>抹零</translation>
    </message>
    <message>
        <source>Manual discount</source>
        <translation>手工优惠</translation>
    </message>
</context>
<context>
    <name>EarnText</name>
    <message>
        <source>category rates</source>
        <translation>按分类积分规则</translation>
    </message>
    <message>
        <source>{n} per yuan</source>
        <translation>每元 {n} 分</translation>
    </message>
    <message>
        <source>{m}</source>
        <translation>{m} 倍</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>{figures}, for {sources}</source>
        <translation>{figures}，因{sources}</translation>
    </message>
    <message>
        <source>{figures}; some items earn less</source>
        <translation>{figures}；部分商品少积分或不积分</translation>
    </message>
    <message>
        <source>{figures}; some items earn more</source>
        <translation>{figures}；部分商品多积分</translation>
    </message>
    <message>
        <source>{figures}; some items earn more, some less</source>
        <translation>{figures}；部分商品多积分，部分少积分或不积分</translation>
    </message>
    <message>
        <source>Points +{points} ({why})</source>
        <translation>积分 +{points}（{why}）</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>Export to which folder?</source>
        <translation>导出到哪个文件夹？</translation>
    </message>
    <message>
        <source>the shop&apos;s exports folder</source>
        <translation>门店的导出文件夹</translation>
    </message>
    <message>
        <source>Files go to {folder}.</source>
        <translation>文件将保存到 {folder}。</translation>
    </message>
    <message>
        <source>Tick Excel, PDF or both.</source>
        <translation>请勾选 Excel、PDF 或两者。</translation>
    </message>
    <message>
        <source>Exporting… you can keep working at the counter.</source>
        <translation>正在导出…收银台可以照常使用。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Written: {files}</source>
        <translation>已导出：{files}</translation>
    </message>
    <message>
        <source>E&amp;xcel</source>
        <translation>Excel 表格(&amp;X)</translation>
    </message>
    <message>
        <source>P&amp;DF</source>
        <translation>PDF 文件(&amp;D)</translation>
    </message>
    <message>
        <source>Export (Ctrl+E)</source>
        <translation>导出（Ctrl+E）</translation>
    </message>
    <message>
        <source>Print… (Ctrl+P)</source>
        <translation>打印…（Ctrl+P）</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
</context>
<context>
    <name>GiftForm</name>
    <message>
        <source>Type the amount a sale must reach in yuan, e.g. 100.</source>
        <translation>请填写满赠门槛（元），例如 100。</translation>
    </message>
    <message>
        <source>Type the gift&apos;s code or barcode.</source>
        <translation>请填写赠品的商品编码或条码。</translation>
    </message>
    <message>
        <source>Type how many the customer gets: 1 or more.</source>
        <translation>请填写赠品数量：1 或以上。</translation>
    </message>
    <message>
        <source>Type the time as YYYY-MM-DD HH:MM (shop time).</source>
        <translation>时间请按 YYYY-MM-DD HH:MM 填写（门店时间）。</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>所有等级</translation>
    </message>
    <message>
        <source>&amp;Spend at least</source>
        <translation>消费满(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Gift (code)</source>
        <translation>赠品编码(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Qty</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>开始(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To (not included)</source>
        <translation>结束（不含）(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;ier</source>
        <translation>等级(&amp;I)</translation>
    </message>
</context>
<context>
    <name>IssueCouponDialog</name>
    <message>
        <source>There are no active coupons. The owner adds them on the rules page of the back office.</source>
        <translation>没有可发放的优惠券。老板可在后台“规则”页添加。</translation>
    </message>
    <message>
        <source>Coupon {name} for {member}</source>
        <translation>给 {member} 发券：{name}</translation>
    </message>
    <message>
        <source>{coupon} given to {member} (code {code}), valid until {day}.</source>
        <translation>已给 {member} 发放 {coupon}（券号 {code}），有效期至 {day}。</translation>
    </message>
    <message>
        <source>Coupons given so far: {count}. Enter gives another one; Esc when done.</source>
        <translation>本次已发放 {count} 张。按回车再发一张，发完按 Esc。</translation>
    </message>
    <message>
        <source>Give a coupon</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>Give a coupon to {name} ({member_no})</source>
        <translation>给 {name}（{member_no}）发券</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Min. spend</source>
        <translation>最低消费</translation>
    </message>
    <message>
        <source>Give (Enter)</source>
        <translation>发放（回车）</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Reported lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>已补卡</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>{shop} — MemberDesk staff login</source>
        <translation>{shop} — MemberDesk 员工登录</translation>
    </message>
    <message>
        <source>Opening the shop data…</source>
        <translation>正在打开门店数据…</translation>
    </message>
    <message>
        <source>Staff login</source>
        <translation>员工登录</translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation>员工(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Type your password, then press Enter</source>
        <translation>输入密码后按回车</translation>
    </message>
    <message>
        <source>Log in (Enter)</source>
        <translation>登录（回车）</translation>
    </message>
    <message>
        <source>Switch language (Ctrl+Shift+L)</source>
        <translation>切换语言（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <source>Quit (Ctrl+Q)</source>
        <translation>退出（Ctrl+Q）</translation>
    </message>
    <message>
        <source>The server cannot be reached: offline log-in (staff who logged in on this till before), walk-in cash sales only.</source>
        <translation>连不上服务器：离线登录（只限在本机联网登录过的员工），只能给散客收现金。</translation>
    </message>
    <message>
        <source>Choose a staff member</source>
        <translation>请选择员工</translation>
    </message>
    <message>
        <source>Type your password</source>
        <translation>请输入密码</translation>
    </message>
    <message>
        <source>{name} logged out; shift {number} is still open. Log in again to carry on with it; before leaving, log in and press F5 to close it (count the cash).</source>
        <translation>{name} 已退出登录，班次 {number} 仍未交班。再次登录即可继续；下班前请登录后按 F5 交班（清点现金）。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{shop} — MemberDesk counter</source>
        <translation>{shop} — MemberDesk 收银台</translation>
    </message>
    <message>
        <source>&amp;Find member</source>
        <translation>查找会员(&amp;F)</translation>
    </message>
    <message>
        <source>Swipe a card or type a phone, its last 4 digits, member no. or initials</source>
        <translation>刷卡，或输入手机号、手机后四位、会员号、姓名拼音首字母</translation>
    </message>
    <message>
        <source>Find member</source>
        <translation>查找会员</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>结账</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>注销登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出程序</translation>
    </message>
</context>
<context>
    <name>MallPage</name>
    <message>
        <source>not tracked</source>
        <translation>未管库存</translation>
    </message>
    <message>
        <source>On the shelf</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Off the shelf</source>
        <translation>已下架</translation>
    </message>
    <message>
        <source>Take off the shelf</source>
        <translation>下架</translation>
    </message>
    <message>
        <source>Put on the shelf</source>
        <translation>上架</translation>
    </message>
    <message>
        <source>Type the product&apos;s code.</source>
        <translation>请输入商品编码。</translation>
    </message>
    <message>
        <source>Type the points price: a whole number above 0.</source>
        <translation>请输入兑换积分：大于 0 的整数。</translation>
    </message>
    <message numerus="yes">
        <source>Saved: {gift} for %Ln point(s).</source>
        <translation>
            <numerusform>已保存：{gift}，%Ln 积分。</numerusform>
        </translation>
    </message>
    <message>
        <source>{gift} is on the shelf.</source>
        <translation>{gift} 已上架。</translation>
    </message>
    <message>
        <source>{gift} is off the shelf.</source>
        <translation>{gift} 已下架。</translation>
    </message>
    <message>
        <source>Type the redemption&apos;s number.</source>
        <translation>请输入兑换单号。</translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>Reversed {number}: {points} points back to {member}, {gift} back in stock.</source>
        <translation>已撤销 {number}：{points} 积分退回会员 {member}，{gift} 已回库存。</translation>
    </message>
    <message>
        <source>Exporting the redemption report…</source>
        <translation>正在导出积分兑换报表…</translation>
    </message>
    <message>
        <source>Written: {files}</source>
        <translation>已导出：{files}</translation>
    </message>
    <message>
        <source>Points mall</source>
        <translation>积分商城</translation>
    </message>
    <message>
        <source>A gift is a product with a points price. Receive and count gifts on the Stock page; the counter redeems them with Shift+F2.</source>
        <translation>礼品就是设了兑换积分的商品。礼品的入库和盘点在“库存”页；收银台按 Shift+F2 兑换。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Product &amp;code</source>
        <translation>商品编码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Points price</source>
        <translation>兑换积分(&amp;P)</translation>
    </message>
    <message>
        <source>Save gift</source>
        <translation>保存礼品</translation>
    </message>
    <message>
        <source>Export redemptions</source>
        <translation>导出兑换报表</translation>
    </message>
    <message>
        <source>Reverse a redemption (manager)</source>
        <translation>撤销兑换（店长）</translation>
    </message>
    <message>
        <source>Redemption &amp;No.</source>
        <translation>兑换单号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>撤销兑换</translation>
    </message>
</context>
<context>
    <name>MemberActions</name>
    <message>
        <source>Type a day as 2026-01-31, or leave it empty.</source>
        <translation>日期请按 2026-01-31 的格式填写，或留空。</translation>
    </message>
    <message>
        <source>Type the reason first: it goes into the audit log with the action.</source>
        <translation>请先填写原因：它会和操作一起记入审计日志。</translation>
    </message>
    <message>
        <source>Type the amount to add (or -amount to take away).</source>
        <translation>请输入要增加的金额（减少请在前面加 -）。</translation>
    </message>
    <message>
        <source>Stored value adjusted: the balance is now {amount}.</source>
        <translation>储值已调整，现在余额 {amount}。</translation>
    </message>
    <message>
        <source>Type the points to give (or -points to take away).</source>
        <translation>请输入要增加的积分（扣减请在前面加 -）。</translation>
    </message>
    <message>
        <source>Points adjusted: the balance is now {points}.</source>
        <translation>积分已调整，现在积分 {points}。</translation>
    </message>
    <message>
        <source>Let the member type the new payment password (4 to 6 digits).</source>
        <translation>请会员本人输入新的消费密码（4 到 6 位数字）。</translation>
    </message>
    <message>
        <source>The payment password is set.</source>
        <translation>消费密码已设置。</translation>
    </message>
    <message>
        <source>The payment password is removed.</source>
        <translation>消费密码已清除。</translation>
    </message>
    <message>
        <source>The member is active again.</source>
        <translation>会员已恢复使用。</translation>
    </message>
    <message>
        <source>The member is deactivated.</source>
        <translation>会员已停用。</translation>
    </message>
    <message>
        <source>Press &quot;Anonymise&quot; again to wipe this member&apos;s personal data for good.</source>
        <translation>再按一次“注销个人信息”，将永久清除该会员的个人信息。</translation>
    </message>
    <message>
        <source>The member&apos;s personal data is wiped; the member number, ledgers and sales stay.</source>
        <translation>会员的个人信息已清除；会员编号、储值积分流水和消费记录保留。</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用会员</translation>
    </message>
    <message>
        <source>Anonymise — press again to confirm</source>
        <translation>注销个人信息 — 再按一次确认</translation>
    </message>
    <message>
        <source>Anonymise…</source>
        <translation>注销个人信息…</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Payment &amp;password ({state})</source>
        <translation>消费密码(&amp;P)（{state}）</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>required for every action below; written to the audit log</source>
        <translation>下面每项操作都必须填写，记入审计日志</translation>
    </message>
    <message>
        <source>&amp;Stored value</source>
        <translation>储值(&amp;S)</translation>
    </message>
    <message>
        <source>P&amp;oints</source>
        <translation>积分(&amp;O)</translation>
    </message>
    <message>
        <source>paid part (本金)</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>bonus part (赠送)</source>
        <translation>赠送金额</translation>
    </message>
    <message>
        <source>Adjust stored value</source>
        <translation>调整储值</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <source>4–6 digits</source>
        <translation>4–6 位数字</translation>
    </message>
    <message>
        <source>The member types the password; nobody else sees it.</source>
        <translation>由会员本人输入密码，他人看不到。</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>Remove password</source>
        <translation>清除密码</translation>
    </message>
    <message>
        <source>Anonymising (owner only) wipes the name, phone, birthday, email, address, tags, notes and payment password and voids the cards. Kept: the member number, tier, points, every stored-value and points entry and every sale. Stored value must be refunded first.</source>
        <translation>注销个人信息（仅店主）会清除姓名、手机号、生日、邮箱、地址、标签、备注和消费密码，并作废会员卡。保留：会员编号、等级、积分、每一条储值和积分流水以及每一笔消费。储值余额须先退还。</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Member no. and phone</source>
        <translation>会员号和手机号</translation>
    </message>
    <message>
        <source>principal {principal}</source>
        <translation>本金 {principal}</translation>
    </message>
    <message>
        <source>bonus {bonus}</source>
        <translation>赠送 {bonus}</translation>
    </message>
    <message>
        <source>Stored value pays {order}</source>
        <translation>储值扣款：{order}</translation>
    </message>
    <message>
        <source>{points} expire in {days} days</source>
        <translation>{days} 天内到期 {points}</translation>
    </message>
    <message>
        <source>none expire in {days} days</source>
        <translation>{days} 天内无到期积分</translation>
    </message>
    <message>
        <source>{count} usable</source>
        <translation>可用 {count} 张</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>备注：{notes}</translation>
    </message>
    <message>
        <source>{grade} · {stage}</source>
        <translation>{grade} 类 · {stage}</translation>
    </message>
    <message>
        <source>Value grade {grade}, {stage}: member analytics as of {day}</source>
        <translation>客户价值等级 {grade} 类，{stage}：会员分析截至 {day}</translation>
    </message>
    <message>
        <source>Churn warning: {reason}</source>
        <translation>流失预警：{reason}</translation>
    </message>
    <message>
        <source>Birthday today!</source>
        <translation>今天生日！</translation>
    </message>
    <message>
        <source>{points} points expire on {day}</source>
        <translation>积分 {points} 将于 {day} 到期</translation>
    </message>
    <message>
        <source>Upgraded to {tier} on {day}</source>
        <translation>{day} 升级为{tier}</translation>
    </message>
    <message>
        <source>Moved down to {tier} on {day}</source>
        <translation>{day} 降级为{tier}</translation>
    </message>
    <message>
        <source>Birthday gift on {day}: {points} points and a coupon</source>
        <translation>{day} 已送生日礼：{points} 积分和一张优惠券</translation>
    </message>
    <message>
        <source>Birthday gift on {day}: {points} points</source>
        <translation>{day} 已送生日礼：{points} 积分</translation>
    </message>
    <message>
        <source>Birthday gift on {day}: a coupon</source>
        <translation>{day} 已送生日礼：一张优惠券</translation>
    </message>
    <message>
        <source>Signed in today</source>
        <translation>今日已签到</translation>
    </message>
    <message>
        <source>Birthday soon: {day}</source>
        <translation>生日快到了：{day}</translation>
    </message>
    <message>
        <source>Birthday this month: {day}</source>
        <translation>本月生日：{day}</translation>
    </message>
    <message>
        <source>This member is deactivated.</source>
        <translation>该会员已停用。</translation>
    </message>
</context>
<context>
    <name>MemberDayForm</name>
    <message>
        <source>Type the date as YYYY-MM-DD.</source>
        <translation>日期请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message>
        <source>Type what members pay: 10 to 100 (% of the price).</source>
        <translation>会员按原价的百分之几付款：请填写 10 到 100。</translation>
    </message>
    <message>
        <source>Type the points multiplier: 1 to 10.</source>
        <translation>积分倍数请填写 1 到 10。</translation>
    </message>
    <message>
        <source>Type the days the result is measured over.</source>
        <translation>请填写统计效果的天数。</translation>
    </message>
    <message>
        <source>On a date</source>
        <translation>指定日期</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>所有等级</translation>
    </message>
    <message>
        <source>Da&amp;y</source>
        <translation>会员日(&amp;Y)</translation>
    </message>
    <message>
        <source>Da&amp;te</source>
        <translation>日期(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Pay %</source>
        <translation>付款 %(&amp;P)</translation>
    </message>
    <message>
        <source>Poin&amp;ts ×</source>
        <translation>积分倍数(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;ier</source>
        <translation>等级(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation>统计天数(&amp;D)</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>The profile is saved.</source>
        <translation>资料已保存。</translation>
    </message>
    <message>
        <source>Type the reason for the change.</source>
        <translation>请填写调整等级的原因。</translation>
    </message>
    <message>
        <source>The tier is now {tier}.</source>
        <translation>会员等级已改为{tier}。</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>已补卡</translation>
    </message>
    <message>
        <source>void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>used</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source> (deactivated)</source>
        <translation>（已停用）</translation>
    </message>
    <message>
        <source> (anonymised)</source>
        <translation>（已注销）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Phone {phone} · tier {tier} · stored value {sv} (paid {principal}, bonus {bonus}) · points {points} · visits {visits}, last {visit} · spent {spent}</source>
        <translation>手机 {phone} · 会员等级 {tier} · 储值 {sv}（本金 {principal}，赠送 {bonus}）· 积分 {points} · 到店 {visits} 次，最近 {visit} · 累计消费 {spent}</translation>
    </message>
    <message>
        <source>, locked until {day}</source>
        <translation>，锁定到 {day}</translation>
    </message>
    <message>
        <source>Tier now: {tier}{lock}.</source>
        <translation>当前会员等级：{tier}{lock}。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Cards and coupons</source>
        <translation>卡和优惠券</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>生日(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>邮箱(&amp;E)</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>地址(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>标签(&amp;T)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>comma between tags: VIP,常客</source>
        <translation>多个标签用逗号隔开：VIP,常客</translation>
    </message>
    <message>
        <source>Enter moves to the next field and saves in the last one. Changes are written to the audit log.</source>
        <translation>回车跳到下一项，在最后一项回车即保存。修改会记入审计日志。</translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation>保存资料</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>New tier</source>
        <translation>新等级</translation>
    </message>
    <message>
        <source>Locked until (optional)</source>
        <translation>锁定到（可不填）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Change the tier</source>
        <translation>调整等级</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>会员等级变动记录</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原等级</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新等级</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定到</translation>
    </message>
    <message>
        <source>Reason — by</source>
        <translation>原因 — 操作人</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>绑定时间</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>券码</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
</context>
<context>
    <name>MemberEditDialog</name>
    <message>
        <source>Not given</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Type the birthday as YYYY-MM-DD, e.g. 1988-05-20.</source>
        <translation>生日请按 年-月-日 填写，例如 1988-05-20。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有修改任何内容。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Member details</source>
        <translation>会员资料</translation>
    </message>
    <message>
        <source>Details of {name} ({member_no})</source>
        <translation>{name}（{member_no}）的资料</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机号(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>性别(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>生日(&amp;B)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>{phone} — type a new number to change it</source>
        <translation>{phone}（要修改请输入新号码）</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 1988-05-20</translation>
    </message>
    <message>
        <source>Agrees to receive offers (SMS, WeChat)</source>
        <translation>同意接收优惠信息（短信、微信）</translation>
    </message>
    <message>
        <source>Unsubscribed from offer texts (replied R / 退订)</source>
        <translation>已退订营销短信（回复 R / 退订）</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>完成（回车）</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>保存（回车）</translation>
    </message>
</context>
<context>
    <name>MemberFilterBox</name>
    <message>
        <source>Type a day as 2026-01-31, or leave it empty.</source>
        <translation>日期请按 2026-01-31 的格式填写，或留空。</translation>
    </message>
    <message>
        <source>Type a whole number from 1 to {high}, or leave it empty.</source>
        <translation>请填写 1 到 {high} 的整数，或留空。</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation>会员等级(&amp;T)</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>状态(&amp;U)</translation>
    </message>
    <message>
        <source>T&amp;ag</source>
        <translation>标签(&amp;A)</translation>
    </message>
    <message>
        <source>Birthday &amp;month</source>
        <translation>生日月份(&amp;M)</translation>
    </message>
    <message>
        <source>Visite&amp;d from</source>
        <translation>到店起于(&amp;D)</translation>
    </message>
    <message>
        <source>Not visited &amp;since</source>
        <translation>此后未到店(&amp;S)</translation>
    </message>
    <message>
        <source>Stored &amp;value above</source>
        <translation>储值高于(&amp;V)</translation>
    </message>
    <message>
        <source>Value g&amp;rade</source>
        <translation>客户价值等级(&amp;R)</translation>
    </message>
    <message>
        <source>Lifec&amp;ycle</source>
        <translation>生命周期(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Customer group (RFM)</source>
        <translation>客户分群 RFM(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;hurn warning</source>
        <translation>流失预警(&amp;H)</translation>
    </message>
    <message>
        <source>Joined &amp;from</source>
        <translation>注册起于(&amp;F)</translation>
    </message>
    <message>
        <source>Joined &amp;before</source>
        <translation>注册早于(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Window (days)</source>
        <translation>统计近 N 天(&amp;W)</translation>
    </message>
    <message>
        <source>V&amp;isits at least</source>
        <translation>消费次数至少(&amp;I)</translation>
    </message>
    <message>
        <source>S&amp;pent at least</source>
        <translation>消费金额至少(&amp;P)</translation>
    </message>
    <message>
        <source>Stored va&amp;lue up to</source>
        <translation>储值至多(&amp;L)</translation>
    </message>
    <message>
        <source>Points e&amp;xpire in (days)</source>
        <translation>积分 N 天内到期(&amp;X)</translation>
    </message>
    <message>
        <source>Members grouped by how recently (R), how often (F) and how much (M) they buy: loyal customers, new ones, ones to win back…</source>
        <translation>按最近一次消费（R）、消费次数（F）、消费金额（M）把会员分组：忠诚客户、新客户、需要挽回的客户……</translation>
    </message>
    <message>
        <source>with a warning</source>
        <translation>有预警</translation>
    </message>
    <message>
        <source>without</source>
        <translation>无预警</translation>
    </message>
    <message>
        <source>Active and deactivated</source>
        <translation>正常和已停用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Anonymised</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>e.g. VIP</source>
        <translation>如 VIP</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日</translation>
    </message>
</context>
<context>
    <name>MemberHistory</name>
    <message>
        <source> (refunded {n})</source>
        <translation>（已退 {n}）</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>期初</translation>
    </message>
    <message>
        <source>recharge</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>spent</source>
        <translation>消费</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>recharge refund</source>
        <translation>退充值</translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation>手工调整</translation>
    </message>
    <message>
        <source>earned</source>
        <translation>消费得积分</translation>
    </message>
    <message>
        <source>bonus</source>
        <translation>赠送</translation>
    </message>
    <message>
        <source>redeemed</source>
        <translation>积分抵现</translation>
    </message>
    <message>
        <source>redeemed, returned</source>
        <translation>抵现退回</translation>
    </message>
    <message>
        <source>earned, reversed</source>
        <translation>积分冲回</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>partly refunded</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Paid part</source>
        <translation>本金</translation>
    </message>
    <message>
        <source>Bonus part</source>
        <translation>赠送</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>变动后余额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Sale / item</source>
        <translation>单据 / 商品</translation>
    </message>
    <message>
        <source>State / qty</source>
        <translation>状态 / 数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Older…</source>
        <translation>更早的…</translation>
    </message>
</context>
<context>
    <name>MemberListPanel</name>
    <message>
        <source>Filt&amp;ers ({count})</source>
        <translation>筛选（{count}）(&amp;E)</translation>
    </message>
    <message>
        <source>Filt&amp;ers</source>
        <translation>筛选(&amp;E)</translation>
    </message>
    <message>
        <source>Hide the filters</source>
        <translation>收起筛选条件</translation>
    </message>
    <message>
        <source>Show the filters (tier, state, tag, birthday month, visits, stored value, analysis)</source>
        <translation>展开筛选条件（等级、状态、标签、生日月份、到店、储值、分析）</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>找到 {count} 位</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <source>{count} shown, scroll for more</source>
        <translation>已显示 {count} 位，向下滚动加载更多</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>共 %n 位会员</numerusform>
        </translation>
    </message>
    <message>
        <source>No member matches</source>
        <translation>没有符合条件的会员</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>S&amp;ort</source>
        <translation>排序(&amp;O)</translation>
    </message>
    <message>
        <source>phone, last 4, name, card or member no.</source>
        <translation>手机号、尾号、姓名、卡号或编号</translation>
    </message>
    <message>
        <source>phone, last 4 digits, name, pinyin initials (zs), card or member no.</source>
        <translation>手机号、手机尾号 4 位、姓名、拼音首字母 (zs)、卡号或会员编号</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Last visit, newest first</source>
        <translation>最近到店，近的在前</translation>
    </message>
    <message>
        <source>Stored value, most first</source>
        <translation>储值，多的在前</translation>
    </message>
    <message>
        <source>Points, most first</source>
        <translation>积分，多的在前</translation>
    </message>
    <message numerus="yes">
        <source>Nothing found (%n filter(s) in use — {keys} to see them)</source>
        <translation>
            <numerusform>没有找到（已用 %n 个筛选条件，按 {keys} 查看）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No members match (%n filter(s) in use — {keys} to see them)</source>
        <translation>
            <numerusform>没有符合条件的会员（已用 %n 个筛选条件，按 {keys} 查看）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing found (%n filter(s) in use)</source>
        <translation>
            <numerusform>没有找到（已用 %n 个筛选条件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No members match (%n filter(s) in use)</source>
        <translation>
            <numerusform>没有符合条件的会员（已用 %n 个筛选条件）</numerusform>
        </translation>
    </message>
    <message>
        <source>{status}. Enter opens the member.</source>
        <translation>{status}。回车打开会员详情。</translation>
    </message>
</context>
<context>
    <name>MemberModel</name>
    <message>
        <source>No.</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近到店</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Anonymised</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>The member tier (e.g. 普通会员, 金卡会员): it sets member prices, discounts and points. The loyalty rules move it; a manager can change it.</source>
        <translation>会员等级（如普通会员、金卡会员）：决定会员价、折扣和积分，按积分规则升降，店长也可手工调整。</translation>
    </message>
    <message>
        <source>The value grade A/B/C/D from the member analytics: how often and how much the member buys (A the most). It changes no price and is not the member tier.</source>
        <translation>客户价值等级 A/B/C/D：由会员分析按消费次数和金额评出（A 最高），不影响价格，和会员等级不是一回事。</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>No member selected.
Swipe a card or search in the box above.</source>
        <translation>未选择会员。
请刷卡，或在上方输入框中查找。</translation>
    </message>
</context>
<context>
    <name>MemberPickDialog</name>
    <message>
        <source>Choose the member</source>
        <translation>选择会员</translation>
    </message>
    <message>
        <source>{count} members match “{text}”</source>
        <translation>有 {count} 位会员符合“{text}”</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>会员号</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值余额</translation>
    </message>
    <message>
        <source>More members match: type more of the name or the phone to narrow the list.</source>
        <translation>符合的会员还有更多：请多输入几位姓名或手机号以缩小范围。</translation>
    </message>
    <message>
        <source>↑/↓ and Enter, or the number key, to choose · Esc to cancel</source>
        <translation>用 ↑/↓ 和回车或数字键选择 · Esc 取消</translation>
    </message>
</context>
<context>
    <name>MemberPriceHint</name>
    <message>
        <source>= price</source>
        <translation>同售价</translation>
    </message>
    <message>
        <source>−{off}%</source>
        <translation>减{off}%</translation>
    </message>
    <message>
        <source>{tier} price. Empty: the price less the {tier} discount ({off}% off), as greyed here</source>
        <translation>{tier}价。留空：按售价打{tier}折扣（减 {off}%），即灰色所示金额</translation>
    </message>
    <message>
        <source>{tier} price. Empty: the price, no discount, as greyed here</source>
        <translation>{tier}价。留空：按售价，不打折，即灰色所示金额</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>member import template</source>
        <translation>会员导入模板</translation>
    </message>
    <message>
        <source>Save the import template as</source>
        <translation>导入模板另存为</translation>
    </message>
    <message>
        <source>Template saved: {path}
Fill in one member per row, then check the file.</source>
        <translation>模板已保存：{path}
每行填一位会员，然后检查文件。</translation>
    </message>
    <message>
        <source>Import which member list?</source>
        <translation>导入哪个会员名单？</translation>
    </message>
    <message>
        <source>Nothing is written yet: press &quot;Import&quot; to create these members.</source>
        <translation>尚未写入任何数据：按“导入”建立这些会员。</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>没有可导入的会员。</translation>
    </message>
    <message>
        <source>Importing {file}… payments at the counter wait until it is done.</source>
        <translation>正在导入 {file}…导入完成前收银台暂不能收款。</translation>
    </message>
    <message>
        <source>members {day}</source>
        <translation>会员 {day}</translation>
    </message>
    <message>
        <source>Export the members to</source>
        <translation>会员导出到</translation>
    </message>
    <message>
        <source>Exporting the members to {file}…</source>
        <translation>正在导出会员到 {file}…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to {path} (phone numbers masked).</source>
        <translation>
            <numerusform>已导出 %n 位会员到 {path}（手机号已隐藏中间四位）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to {path}.</source>
        <translation>
            <numerusform>已导出 %n 位会员到 {path}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Members: import and export</source>
        <translation>会员导入导出</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Member &amp;list</source>
        <translation>会员列表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Import and export</source>
        <translation>导入导出(&amp;I)</translation>
    </message>
    <message>
        <source>Members from Excel: save the template, fill in a member a row (card, opening stored value and points optional), check the file, import it. Phones already registered are skipped: a file imported twice adds nobody twice.</source>
        <translation>从 Excel 导入会员名单：先保存模板，每行填一位会员（卡号、期初储值和积分可不填），检查文件，然后导入。已登记的手机号会跳过，同一文件导入两次也不会重复建会员。</translation>
    </message>
    <message>
        <source>Save the template…</source>
        <translation>保存模板…</translation>
    </message>
    <message>
        <source>Check a file…</source>
        <translation>检查文件…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Export every member to one Excel workbook. Phone numbers are masked unless your role may see them.</source>
        <translation>把全部会员导出到一个 Excel 工作簿。除非您的角色可以查看完整手机号，否则手机号会隐藏中间四位。</translation>
    </message>
    <message>
        <source>Export all members…</source>
        <translation>导出全部会员…</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Sending the messages due…</source>
        <translation>正在发送到期的消息…</translation>
    </message>
    <message>
        <source>Sent {sent}, failed {failed}, unknown {unknown}, waiting {waiting}.</source>
        <translation>已发送 {sent}，失败 {failed}，结果未知 {unknown}，等待 {waiting}。</translation>
    </message>
    <message>
        <source>Stopped: {why}.</source>
        <translation>已停止：{why}。</translation>
    </message>
    <message>
        <source>This message may have reached the member already. Press Resend again to send it anyway.</source>
        <translation>这条消息可能已经送达会员。确定仍要发送，请再按一次“重发”。</translation>
    </message>
    <message>
        <source>The message will be sent again.</source>
        <translation>这条消息将重新发送。</translation>
    </message>
    <message>
        <source>Call list written: {path}</source>
        <translation>电话清单已导出：{path}</translation>
    </message>
    <message>
        <source>Import which reply report?</source>
        <translation>导入哪个回复报告？</translation>
    </message>
    <message>
        <source>Reply reports (*.csv *.xlsx);;All files (*)</source>
        <translation>回复报告 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the reply report…</source>
        <translation>正在读取回复报告…</translation>
    </message>
    <message>
        <source>{rows} rows read: {added} unsubscribed, {already} were already, {other} other replies.</source>
        <translation>读取 {rows} 行：新退订 {added} 个，此前已退订 {already} 个，其他回复 {other} 条。</translation>
    </message>
    <message>
        <source>Not a mainland mobile: {phones}</source>
        <translation>不是中国大陆手机号：{phones}</translation>
    </message>
    <message>
        <source>{month}: {sent} sent, {cost}</source>
        <translation>{month}：{sent} 条，{cost}</translation>
    </message>
    <message>
        <source>Per month: {months}</source>
        <translation>按月：{months}</translation>
    </message>
    <message>
        <source>No message sent yet.</source>
        <translation>还没有发出的消息。</translation>
    </message>
    <message>
        <source>No SMS provider is set: export the call list and phone or text the members yourself.</source>
        <translation>未设置短信服务商：请导出电话清单，自行致电或发短信给会员。</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Message log</source>
        <translation>消息记录</translation>
    </message>
    <message>
        <source>Templates and SMS</source>
        <translation>模板与短信</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Send due now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>重发</translation>
    </message>
    <message>
        <source>Today&apos;s call list (xlsx)</source>
        <translation>今日电话清单（xlsx）</translation>
    </message>
    <message>
        <source>Import replies…</source>
        <translation>导入回复（退订）…</translation>
    </message>
    <message>
        <source>A reply report from the SMS provider (CSV or Excel): the phones that replied R, TD or 退订 get no more promotional messages.</source>
        <translation>短信服务商的回复报告（CSV 或 Excel）：回复 R、TD 或“退订”的手机号不再收到营销短信。</translation>
    </message>
</context>
<context>
    <name>MovementsTable</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Note or document</source>
        <translation>备注/单号</translation>
    </message>
</context>
<context>
    <name>OfflineBar</name>
    <message>
        <source>Offline cash sale ({key})</source>
        <translation>离线收银 {key}</translation>
    </message>
    <message>
        <source>Offline sales…</source>
        <translation>离线销售…</translation>
    </message>
    <message>
        <source>Offline: cash from walk-in customers only. Members, stored value, points, coupons, recharges and refunds wait until the server is back.</source>
        <translation>离线中：只收散客现金。会员、储值、积分、优惠券、充值、退款等恢复后再办。</translation>
    </message>
    <message>
        <source>The server is back: sending the offline sales in order…</source>
        <translation>服务器已恢复：正在按顺序发送离线销售…</translation>
    </message>
    <message>
        <source>The server refused some offline sales: a manager must look at them (the cash is in the drawer, the sale is not booked).</source>
        <translation>服务器拒收了部分离线销售，请店长处理（现金在钱箱里，但这几笔没有入账）。</translation>
    </message>
    <message>
        <source>Offline sales wait to be sent to the server.</source>
        <translation>有离线销售等待发送到服务器。</translation>
    </message>
    <message>
        <source>waiting: {n}</source>
        <translation>待发送：{n} 笔</translation>
    </message>
    <message>
        <source>refused: {n}</source>
        <translation>被拒：{n} 笔</translation>
    </message>
</context>
<context>
    <name>OfflineQueueDialog</name>
    <message>
        <source>Type why the sale is written off.</source>
        <translation>请填写核销这笔销售的原因。</translation>
    </message>
    <message>
        <source>sent: {sale_no}</source>
        <translation>已发送：{sale_no}</translation>
    </message>
    <message>
        <source>refused: {reason}</source>
        <translation>被拒：{reason}</translation>
    </message>
    <message>
        <source>written off by {name}: {reason}</source>
        <translation>已由 {name} 核销：{reason}</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Offline sales</source>
        <translation>离线销售</translation>
    </message>
    <message>
        <source>Sales made on this till while the server was gone: {waiting} waiting, {refused} refused by the server.</source>
        <translation>这台收银机在服务器断开时做的销售：{waiting} 笔待发送，{refused} 笔被服务器拒收。</translation>
    </message>
    <message>
        <source>Local number</source>
        <translation>本机单号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Send again (manager)</source>
        <translation>重新发送（店长）</translation>
    </message>
    <message>
        <source>Reason for the write-off</source>
        <translation>核销原因</translation>
    </message>
    <message>
        <source>Write off (manager)</source>
        <translation>核销（店长）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>OfflineSaleDialog</name>
    <message>
        <source>Offline cash sale</source>
        <translation>离线收银</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Plain amount</source>
        <translation>直接收款</translation>
    </message>
    <message>
        <source>The server cannot be reached. Cash from walk-in customers only, at list prices (no member prices or promotions offline): the sale is kept on this till and sent to the server, in order, once it is back.</source>
        <translation>连不上服务器。只给散客收现金，按标价收款（离线不享会员价和活动价）：这笔销售先存在本机，服务器恢复后按顺序补登。</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>标价</translation>
    </message>
    <message>
        <source>Barcode or code</source>
        <translation>条码或编码</translation>
    </message>
    <message>
        <source>Plain amount ¥</source>
        <translation>直接收款 ¥</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>实收现金</translation>
    </message>
    <message>
        <source>Take cash (Enter)</source>
        <translation>收现金（Enter）</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
</context>
<context>
    <name>OpenShiftsBox</name>
    <message numerus="yes">
        <source>%n shift(s) still open. Pick one and close it for its cashier.</source>
        <translation>
            <numerusform>还有 %n 个班次未交班：选中后可为收银员代交班。</numerusform>
        </translation>
    </message>
    <message>
        <source>Count the drawer and close the shift in your name (the audit log keeps both names).</source>
        <translation>清点钱箱，以你的名义结束该班次（审计日志记下双方姓名）。</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Shift No.</source>
        <translation>班次号</translation>
    </message>
    <message>
        <source>Opened at</source>
        <translation>开班时间</translation>
    </message>
    <message>
        <source>Cash expected</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Close for &amp;them</source>
        <translation>代交班(&amp;T)</translation>
    </message>
    <message>
        <source>This shift is your own: close it at the counter with F5 Shift, then close the day.</source>
        <translation>这是你自己的班次：请回到收银台按 F5 交班，再来日结。</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <source>Walk-in sale (no member)</source>
        <translation>散客（非会员）</translation>
    </message>
    <message>
        <source>Member: {name}</source>
        <translation>会员：{name}</translation>
    </message>
    <message>
        <source>F7  Coupons, best first (Space ticks one; Shift+F7 uses the first)</source>
        <translation>F7  优惠券，最划算的在前（空格勾选；Shift+F7 直接用第一张）</translation>
    </message>
    <message>
        <source>Member&apos;s payment &amp;password</source>
        <translation>会员消费密码(&amp;P)</translation>
    </message>
    <message>
        <source>4–6 digits</source>
        <translation>4–6 位数字</translation>
    </message>
    <message>
        <source>Take payment (Enter)</source>
        <translation>确认收款（回车）</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Taking the payment…</source>
        <translation>正在收款…</translation>
    </message>
    <message>
        <source>Applying the coupons…</source>
        <translation>正在计算优惠券…</translation>
    </message>
    <message>
        <source>Paid {paid} · Change {change}</source>
        <translation>已收 {paid} · 找零 {change}</translation>
    </message>
    <message>
        <source>Paid in full: press Enter</source>
        <translation>已收齐，按回车确认</translation>
    </message>
    <message>
        <source>Paid {paid} · Still to pay {left}</source>
        <translation>已收 {paid} · 还需 {left}</translation>
    </message>
    <message>
        <source>members only</source>
        <translation>仅限会员</translation>
    </message>
    <message>
        <source>principal first, then bonus</source>
        <translation>先扣本金，再扣赠送</translation>
    </message>
    <message>
        <source>principal and bonus in proportion</source>
        <translation>本金和赠送按比例扣</translation>
    </message>
    <message>
        <source>bonus first, then principal</source>
        <translation>先扣赠送，再扣本金</translation>
    </message>
    <message>
        <source>available {amount} ({order})</source>
        <translation>可用 {amount}（{order}）</translation>
    </message>
    <message>
        <source>change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <source>not usable for this sale</source>
        <translation>本单不可用</translation>
    </message>
    <message>
        <source>the shop&apos;s rule lets points pay nothing</source>
        <translation>本店规则不允许积分抵现</translation>
    </message>
    <message>
        <source>the member has no points</source>
        <translation>会员没有积分</translation>
    </message>
    <message>
        <source>{balance} points, at least {minimum} are needed</source>
        <translation>现有 {balance} 积分，至少需要 {minimum} 积分</translation>
    </message>
    <message>
        <source>nothing left to pay</source>
        <translation>已无需支付</translation>
    </message>
    <message>
        <source>{percent}% of this sale is less than {minimum} points</source>
        <translation>本单的 {percent}% 不足 {minimum} 积分</translation>
    </message>
    <message>
        <source>not usable for this sale: {why}</source>
        <translation>本单不可用：{why}</translation>
    </message>
    <message>
        <source>uses {points} points</source>
        <translation>使用 {points} 积分</translation>
    </message>
    <message>
        <source>up to {amount} ({points} points)</source>
        <translation>最多抵 {amount}（{points} 积分）</translation>
    </message>
</context>
<context>
    <name>PlainAmountDialog</name>
    <message>
        <source>Plain amount</source>
        <translation>直接收款</translation>
    </message>
    <message>
        <source>Plain amount (no item): check it</source>
        <translation>直接收款（不是商品）：请核对</translation>
    </message>
    <message>
        <source>{code} is a product code: {name} {price}.</source>
        <translation>{code} 是商品编码：{name} {price}。</translation>
    </message>
    <message>
        <source>Above the plain-amount limit of {limit}: check the amount.</source>
        <translation>超过直接收款确认线 {limit}，请核对金额。</translation>
    </message>
    <message>
        <source>Add the product (Enter)</source>
        <translation>加入商品（回车）</translation>
    </message>
    <message>
        <source>Take {amount} (F1)</source>
        <translation>收取 {amount}（F1）</translation>
    </message>
    <message>
        <source>Back to correct it (Esc)</source>
        <translation>返回修改（Esc）</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>Exported %n product(s) to {path}.</source>
        <translation>
            <numerusform>已导出 %n 个商品到 {path}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) from issue</source>
        <translation>
            <numerusform>发出后 %n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrinterPickDialog</name>
    <message>
        <source>Printers</source>
        <translation>打印机</translation>
    </message>
    <message>
        <source>Printers connected to this computer</source>
        <translation>本机连接的打印机</translation>
    </message>
    <message>
        <source>Enter picks the printer; then Ctrl+T prints a test page and Ctrl+S saves. A network printer is typed: network:192.168.1.87:9100.</source>
        <translation>回车选用打印机，然后按 Ctrl+T 打印测试页、Ctrl+S 保存。网络打印机请直接输入地址，例如 network:192.168.1.87:9100。</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <source>Type the price.</source>
        <translation>请输入售价。</translation>
    </message>
    <message>
        <source>The cost is above the price: each one sold loses money.</source>
        <translation>进价高于售价：每卖一件都亏钱。</translation>
    </message>
    <message>
        <source>{name} ({code}) is added; the counter finds it now.</source>
        <translation>{name} ({code}) 已添加，收银台现在可以找到它。</translation>
    </message>
    <message>
        <source>{name} ({code}) is saved.</source>
        <translation>{name} ({code}) 已保存。</translation>
    </message>
    <message>
        <source>{name} is on sale again.</source>
        <translation>{name} 已恢复销售。</translation>
    </message>
    <message>
        <source>{name} is no longer sold; the counter will not find it.</source>
        <translation>{name} 已停售，收银台将找不到它。</translation>
    </message>
    <message>
        <source>Hide the form (F2)</source>
        <translation>收起表单 (F2)</translation>
    </message>
    <message>
        <source>Show the form (F2)</source>
        <translation>展开表单 (F2)</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新商品</translation>
    </message>
    <message>
        <source>Choose a product in the list, or New.</source>
        <translation>请在列表中选择商品，或点“新建”。</translation>
    </message>
    <message>
        <source>Stop selling</source>
        <translation>停售</translation>
    </message>
    <message>
        <source> (stopped)</source>
        <translation>（已停售）</translation>
    </message>
    <message>
        <source>Edit {name} ({code})</source>
        <translation>修改 {name} ({code})</translation>
    </message>
    <message>
        <source>Sell again</source>
        <translation>恢复销售</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>编号(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Barcode</source>
        <translation>条码(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>售价(&amp;P)</translation>
    </message>
    <message>
        <source>Co&amp;st</source>
        <translation>进价(&amp;S)</translation>
    </message>
    <message>
        <source>Ca&amp;tegory</source>
        <translation>分类(&amp;T)</translation>
    </message>
    <message>
        <source>P&amp;oints</source>
        <translation>积分(&amp;O)</translation>
    </message>
    <message>
        <source>—</source>
        <comment>cost: optional</comment>
        <translation>可不填</translation>
    </message>
    <message>
        <source>What the shop pays for one (进价), for the gross margin in the reports; empty: not known</source>
        <translation>每件的进货成本，用于报表中的毛利；留空表示未知</translation>
    </message>
    <message>
        <source>Points earned, in percent of normal: 0 earns none</source>
        <translation>积分比例，正常为 100%，0 表示不积分</translation>
    </message>
    <message>
        <source>Tier discount</source>
        <translation>参与折扣</translation>
    </message>
    <message>
        <source>Tier discount applies</source>
        <translation>参与会员等级折扣</translation>
    </message>
    <message>
        <source>scan</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>Scan the barcode or type it</source>
        <translation>扫描条码或手动输入</translation>
    </message>
    <message>
        <source>New category (Alt+G)</source>
        <translation>新分类 (Alt+G)</translation>
    </message>
    <message>
        <source>{tier} price</source>
        <translation>{tier}价</translation>
    </message>
    <message>
        <source>New (Ctrl+N)</source>
        <translation>新建 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>ProductModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>进价</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停售</translation>
    </message>
</context>
<context>
    <name>ProductPickDialog</name>
    <message>
        <source>Choose the item</source>
        <translation>选择商品</translation>
    </message>
    <message>
        <source>{count} items match “{text}”</source>
        <translation>有 {count} 个商品符合“{text}”</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>More items match: type more of the name or the code to narrow the list.</source>
        <translation>还有更多商品符合：请多输入几个字或编码以缩小范围。</translation>
    </message>
    <message>
        <source>↑/↓ and Enter, or the number key, to choose · Esc to cancel</source>
        <translation>用 ↑/↓ 和回车或数字键选择 · Esc 取消</translation>
    </message>
</context>
<context>
    <name>ProductSheets</name>
    <message>
        <source>product import template</source>
        <translation>商品导入模板</translation>
    </message>
    <message>
        <source>Save the import template as</source>
        <translation>导入模板另存为</translation>
    </message>
    <message>
        <source>Template saved: {path}
Fill in one product per row, then import it (it is checked first).</source>
        <translation>模板已保存：{path}
每行填写一个商品，然后导入（导入前会先检查）。</translation>
    </message>
    <message>
        <source>Import which product list?</source>
        <translation>导入哪个商品表？</translation>
    </message>
    <message>
        <source>Nothing is written yet: press Enter or &quot;Import&quot; to import.</source>
        <translation>尚未写入任何数据：按回车或“确认导入”开始导入。</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>没有可导入的商品。</translation>
    </message>
    <message>
        <source>Importing {file}… the counter may wait a moment between batches.</source>
        <translation>正在导入 {file}…收银台在批次之间可能稍等片刻。</translation>
    </message>
    <message>
        <source>products {day}</source>
        <translation>商品 {day}</translation>
    </message>
    <message>
        <source>Export the products to</source>
        <translation>商品导出到</translation>
    </message>
    <message>
        <source>Exporting the products to {file}…</source>
        <translation>正在导出商品到 {file}…</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>模板…</translation>
    </message>
    <message>
        <source>Save the Excel import template</source>
        <translation>保存 Excel 导入模板</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import products from Excel (Ctrl+I): the file is checked first</source>
        <translation>从 Excel 导入商品（Ctrl+I）：先检查文件</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export every product to Excel (Ctrl+E)</source>
        <translation>把全部商品导出到 Excel（Ctrl+E）</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>确认导入</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>返回商品表单</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Type a code for the category, e.g. drinks.</source>
        <translation>请输入分类编号，例如 drinks。</translation>
    </message>
    <message>
        <source>Category {name} is added.</source>
        <translation>已添加分类 {name}。</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>找到 {count} 个</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <source>{count} shown, scroll for more</source>
        <translation>已显示 {count} 个，向下滚动查看更多</translation>
    </message>
    <message>
        <source>None yet: add below, or Import…</source>
        <translation>还没有商品：在下方添加，或导入…</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>共 %n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>code, barcode, name…</source>
        <translation>编号、条码、名称、拼音</translation>
    </message>
    <message>
        <source>Finds by code, barcode, name or pinyin initials (kkkl for 康师傅矿泉水), stopped products too</source>
        <translation>按编号、条码、名称或拼音首字母查找（如 kkkl 即康师傅矿泉水），停售的商品也能找到</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>新分类</translation>
    </message>
    <message>
        <source>code, e.g. drinks</source>
        <translation>编号，如 drinks</translation>
    </message>
    <message>
        <source>name, e.g. 饮料</source>
        <translation>名称，如 饮料</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>添加分类</translation>
    </message>
</context>
<context>
    <name>Promotions</name>
    <message>
        <source>Mondays</source>
        <translation>每周一</translation>
    </message>
    <message>
        <source>Tuesdays</source>
        <translation>每周二</translation>
    </message>
    <message>
        <source>Wednesdays</source>
        <translation>每周三</translation>
    </message>
    <message>
        <source>Thursdays</source>
        <translation>每周四</translation>
    </message>
    <message>
        <source>Fridays</source>
        <translation>每周五</translation>
    </message>
    <message>
        <source>Saturdays</source>
        <translation>每周六</translation>
    </message>
    <message>
        <source>Sundays</source>
        <translation>每周日</translation>
    </message>
    <message>
        <source>{product} at {price}, {window}</source>
        <translation>{product} 特价 {price}，{window}</translation>
    </message>
    <message>
        <source>, members only</source>
        <translation>，仅限会员</translation>
    </message>
    <message>
        <source>spend {amount}, get {product} ×{qty}, {window}</source>
        <translation>满 {amount} 赠 {product} ×{qty}，{window}</translation>
    </message>
    <message>
        <source>{day}, {percent}% of the price, points ×{times}</source>
        <translation>{day}，按原价 {percent}% 收，积分 ×{times}</translation>
    </message>
    <message>
        <source>{day}, {percent}% of the price</source>
        <translation>{day}，按原价 {percent}% 收</translation>
    </message>
    <message>
        <source>{day}, points ×{times}</source>
        <translation>{day}，积分 ×{times}</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <source>Shift {number} of {name} has not been closed. If you quit now it stays open, and nothing is lost.

To close it now, stay: {name} logs in and presses F5 (count the cash).</source>
        <translation>{name} 的班次 {number} 还没有交班。现在退出的话，班次仍然开着，什么都不会丢失。

要现在交班，请留下：由 {name} 登录后按 F5 清点现金交班。</translation>
    </message>
    <message numerus="yes">
        <source>Shift {number} has not been closed. If you quit now it stays open, and the paid sales are kept, but the %n unpaid item(s) in the cart ({amount}) are not kept: next time, carry on with the shift or close it with F5 (count the cash).

To take the payment or close the shift now, stay.</source>
        <translation>
            <numerusform>班次 {number} 还没有交班。现在退出的话，班次仍然开着，已结账的销售都已保存，但本单未结账的 %n 件商品（{amount}）不会保留：下次打开后可以继续用这个班次，或按 F5 清点现金后交班。

要现在收款或交班，请留下。</numerusform>
        </translation>
    </message>
    <message>
        <source>The cart has not been paid</source>
        <translation>购物车还没有结账</translation>
    </message>
    <message numerus="yes">
        <source>If you quit now, the %n unpaid item(s) in the cart ({amount}) are not kept.

To take the payment, stay.</source>
        <translation>
            <numerusform>现在退出的话，本单未结账的 %n 件商品（{amount}）不会保留。

要收款，请留下。</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit, cart not kept</source>
        <translation>退出，不保留购物车</translation>
    </message>
    <message>
        <source>Shift {number} is still open</source>
        <translation>班次 {number} 还没有交班</translation>
    </message>
    <message>
        <source>Shift {number} has not been closed. If you quit now it stays open, and nothing is lost: next time, carry on with it or close it with F5 (count the cash).

To close the shift now, stay and press F5.</source>
        <translation>班次 {number} 还没有交班。现在退出的话，班次仍然开着，什么都不会丢失：下次打开后可以继续用它，或按 F5 清点现金后交班。

要现在交班，请留下并按 F5。</translation>
    </message>
    <message numerus="yes">
        <source>If you log out now, the %n unpaid item(s) in the cart ({amount}) are not kept.

To take the payment, stay.</source>
        <translation>
            <numerusform>现在注销登录的话，本单未结账的 %n 件商品（{amount}）不会保留。

要收款，请留下。</numerusform>
        </translation>
    </message>
    <message>
        <source>Log out, cart not kept</source>
        <translation>注销登录，不保留购物车</translation>
    </message>
    <message>
        <source>Stay (Enter)</source>
        <translation>留下（回车）</translation>
    </message>
    <message>
        <source>Quit, shift stays open</source>
        <translation>退出，班次保持开着</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Count card used</source>
        <translation>计次卡已核销</translation>
    </message>
    <message>
        <source>Count card slip · {number}</source>
        <translation>计次卡核销凭证 · {number}</translation>
    </message>
    <message>
        <source>{service}: uses taken</source>
        <translation>{service} 本次核销次数</translation>
    </message>
    <message>
        <source>{service}: uses given back</source>
        <translation>{service} 撤销核销次数</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>收款成功</translation>
    </message>
    <message>
        <source>Paid · sale {sale_no}</source>
        <translation>收款成功 · 单号 {sale_no}</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Recharged</source>
        <translation>充值完成</translation>
    </message>
    <message>
        <source>Recharge slip · {number}</source>
        <translation>充值凭证 · {number}</translation>
    </message>
    <message>
        <source>Paid in</source>
        <translation>充值金额</translation>
    </message>
    <message>
        <source>Gift redeemed</source>
        <translation>兑换完成</translation>
    </message>
    <message>
        <source>Redemption slip (兑) · {number}</source>
        <translation>【兑】积分兑换凭证 · {number}</translation>
    </message>
    <message>
        <source>Points used</source>
        <translation>使用积分</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款完成</translation>
    </message>
    <message>
        <source>Refund slip · {number}</source>
        <translation>退款凭证 · {number}</translation>
    </message>
    <message>
        <source>Given back</source>
        <translation>退还金额</translation>
    </message>
    <message>
        <source>Stored value now</source>
        <translation>储值余额</translation>
    </message>
    <message>
        <source>Points now</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>本次积分</translation>
    </message>
    <message>
        <source>Print (P)</source>
        <translation>打印小票（P）</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>完成（回车）</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Receipt printed.</source>
        <translation>小票已打印。</translation>
    </message>
    <message>
        <source>No receipt printer is set up: the receipt is shown here only.</source>
        <translation>未设置小票打印机，小票只在此显示。</translation>
    </message>
    <message>
        <source>Printing failed: {detail}</source>
        <translation>打印失败：{detail}</translation>
    </message>
</context>
<context>
    <name>RechargeDialog</name>
    <message>
        <source>Loading the member and the offers…</source>
        <translation>正在读取会员和充值活动…</translation>
    </message>
    <message>
        <source>Type the amount the customer pays, or pick an offer.</source>
        <translation>请输入顾客支付的金额，或选择一个充值活动。</translation>
    </message>
    <message>
        <source>No offer applies to this amount.</source>
        <translation>这个金额没有适用的充值活动。</translation>
    </message>
    <message>
        <source>Offer {name}: bonus {bonus}</source>
        <translation>活动 {name}：赠送 {bonus}</translation>
    </message>
    <message>
        <source>plus {points} points</source>
        <translation>另送 {points} 积分</translation>
    </message>
    <message>
        <source>plus the coupon {coupon}</source>
        <translation>另送优惠券 {coupon}</translation>
    </message>
    <message>
        <source>The card gets {credit}; balance after: {after}.</source>
        <translation>卡内到账 {credit}，充值后余额 {after}。</translation>
    </message>
    <message>
        <source>That is over the limit of {cap}.</source>
        <translation>将超过上限 {cap}。</translation>
    </message>
    <message>
        <source>Type the amount to recharge.</source>
        <translation>请输入充值金额。</translation>
    </message>
    <message>
        <source>Payment by &quot;Other&quot; needs a reference.</source>
        <translation>“其他”付款方式需要填写交易参考号。</translation>
    </message>
    <message>
        <source>Recharged {amount} (No. {number}).</source>
        <translation>已充值 {amount}（单号 {number}）。</translation>
    </message>
    <message>
        <source>Bonus: {bonus}.</source>
        <translation>赠送 {bonus}。</translation>
    </message>
    <message>
        <source>Bonus points: {points}.</source>
        <translation>赠送积分 {points}。</translation>
    </message>
    <message>
        <source>New balance: {balance}.</source>
        <translation>新余额：{balance}。</translation>
    </message>
    <message>
        <source>Recharge</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Recharge for {name} ({member_no})</source>
        <translation>为 {name}（{member_no}）充值</translation>
    </message>
    <message>
        <source>Tier: {tier}
Balance: {balance} (paid {principal}, bonus {bonus})</source>
        <translation>等级：{tier}
余额：{balance}（本金 {principal}，赠送 {bonus}）</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>充值活动</translation>
    </message>
    <message>
        <source>Offers: none</source>
        <translation>充值活动：无</translation>
    </message>
    <message>
        <source>&amp;Amount paid</source>
        <translation>实付金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Paid by</source>
        <translation>付款方式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>参考号(&amp;E)</translation>
    </message>
    <message>
        <source>Transaction no. (needed for &quot;Other&quot;)</source>
        <translation>交易参考号（“其他”方式必填）</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>完成（回车）</translation>
    </message>
    <message>
        <source>Recharge (Enter)</source>
        <translation>充值（回车）</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>Loading the member and the gifts…</source>
        <translation>正在读取会员和礼品…</translation>
    </message>
    <message>
        <source>No gift is on the shelf: the back office&apos;s Points mall page puts gifts on it.</source>
        <translation>没有上架的礼品：请在后台“积分商城”页上架礼品。</translation>
    </message>
    <message>
        <source>{qty} x {gift} = {points} points; the member has {have}.</source>
        <translation>{gift} x {qty} = {points} 积分；会员现有 {have} 积分。</translation>
    </message>
    <message>
        <source>{short} points short.</source>
        <translation>还差 {short} 积分。</translation>
    </message>
    <message>
        <source>Pick a gift first.</source>
        <translation>请先选择礼品。</translation>
    </message>
    <message>
        <source>Redeemed {qty} x {gift} for {points} points (No. {number}). Points left: {left}.</source>
        <translation>已兑换 {gift} x {qty}，用 {points} 积分（单号 {number}）。剩余积分：{left}。</translation>
    </message>
    <message>
        <source>Points mall</source>
        <translation>积分商城</translation>
    </message>
    <message>
        <source>Gifts for {name} ({member_no})</source>
        <translation>积分兑换 — {name}（{member_no}）</translation>
    </message>
    <message>
        <source>Points: {points}</source>
        <translation>积分：{points}</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>完成（回车）</translation>
    </message>
    <message>
        <source>Redeem (Enter)</source>
        <translation>兑换（回车）</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>(refunded)</source>
        <translation>（已退款）</translation>
    </message>
    <message>
        <source>(partly refunded)</source>
        <translation>（部分退款）</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>Type the receipt number.</source>
        <translation>请输入小票单号。</translation>
    </message>
    <message>
        <source>{number} is itself a refund.</source>
        <translation>{number} 本身是退款单。</translation>
    </message>
    <message>
        <source>Please give the reason for the refund.</source>
        <translation>请填写退款原因。</translation>
    </message>
    <message>
        <source>Set how many of which items to refund.</source>
        <translation>请设置要退哪些商品、退几件。</translation>
    </message>
    <message>
        <source>Approved by {name}.</source>
        <translation>{name} 已授权。</translation>
    </message>
    <message>
        <source>Refunded {amount} (No. {number}).</source>
        <translation>已退款 {amount}（单号 {number}）。</translation>
    </message>
    <message>
        <source>Pay back: {paid}.</source>
        <translation>退还：{paid}。</translation>
    </message>
    <message>
        <source>Points taken back: {points}.</source>
        <translation>扣回积分 {points}。</translation>
    </message>
    <message>
        <source>Points given back: {points}.</source>
        <translation>退回积分 {points}。</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Sales and recharges of {name}</source>
        <translation>{name} 的销售和充值</translation>
    </message>
    <message>
        <source>Recent sales and recharges</source>
        <translation>最近的销售和充值</translation>
    </message>
    <message>
        <source>Scan or type the number on the receipt (a sale&apos;s or a recharge&apos;s)</source>
        <translation>扫描或输入小票上的单号（销售单或充值单）</translation>
    </message>
    <message>
        <source>Receipt &amp;no.</source>
        <translation>小票单号(&amp;N)</translation>
    </message>
    <message>
        <source>{paid} + bonus {bonus}</source>
        <translation>{paid} + 赠送 {bonus}</translation>
    </message>
    <message>
        <source>Recharge {paid}</source>
        <translation>充值 {paid}</translation>
    </message>
    <message>
        <source>Refund a sale or recharge</source>
        <translation>销售或充值退款</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Why the customer gets the money back (required)</source>
        <translation>退款原因（必填）</translation>
    </message>
    <message>
        <source>Deduct the value of points already spent from the refund</source>
        <translation>会员已用掉的积分按价值从退款中扣回</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>完成（回车）</translation>
    </message>
    <message>
        <source>Refund (Enter)</source>
        <translation>退款（回车）</translation>
    </message>
</context>
<context>
    <name>RefundHeadline</name>
    <message>
        <source>Cash to hand back {amount}</source>
        <translation>现金退还 {amount}</translation>
    </message>
    <message>
        <source>Nothing to hand back in cash</source>
        <translation>不退现金</translation>
    </message>
    <message>
        <source>{amount} back to the stored value on the card</source>
        <translation>储值 {amount} 已退回会员卡</translation>
    </message>
    <message>
        <source>{points} points back to the member ({amount})</source>
        <translation>积分 {points} 已退回会员（{amount}）</translation>
    </message>
    <message>
        <source>{tender} {amount}: pay it back there by hand</source>
        <translation>{tender} {amount}：请按原方式手工退回</translation>
    </message>
    <message>
        <source>No money goes back.</source>
        <translation>没有退回的钱。</translation>
    </message>
</context>
<context>
    <name>RefundView</name>
    <message>
        <source>Set how many of each item come back.</source>
        <translation>请设置每样商品退回几件。</translation>
    </message>
    <message>
        <source> ({points} points back)</source>
        <translation>（退回 {points} 积分）</translation>
    </message>
    <message>
        <source>Money back {amount}: {parts}.</source>
        <translation>退款 {amount}：{parts}。</translation>
    </message>
    <message>
        <source>Coupons usable again: {names}.</source>
        <translation>优惠券退回可再用：{names}。</translation>
    </message>
    <message>
        <source>Coupon not given back (used on this sale): {names}.</source>
        <translation>优惠券不退回（本单已用掉）：{names}。</translation>
    </message>
    <message>
        <source>Points this sale earned, taken back: {points}.</source>
        <translation>扣回本单所得积分：{points}。</translation>
    </message>
    <message>
        <source>Bonus balance forfeited: {amount}.</source>
        <translation>赠送余额作废：{amount}。</translation>
    </message>
    <message>
        <source>Bonus points taken back: {points}.</source>
        <translation>扣回赠送积分：{points}。</translation>
    </message>
    <message>
        <source>Unused bonus coupons voided: {count}.</source>
        <translation>未用的赠券作废：{count} 张。</translation>
    </message>
    <message>
        <source>The member has already spent {points} of these points (worth {value}): tick the deduction below, or the refund is refused.</source>
        <translation>会员已用掉其中 {points} 积分（价值 {value}）：请勾选下方的扣回，否则不能退款。</translation>
    </message>
    <message>
        <source>Deducted for {points} points already spent: -{amount}.</source>
        <translation>扣回已用掉的 {points} 积分：-{amount}。</translation>
    </message>
    <message>
        <source>Type or scan the receipt number, or pick a sale or recharge.</source>
        <translation>请输入或扫描小票单号，或从列表中选择一笔销售或充值。</translation>
    </message>
    <message>
        <source>Sale {number} of {when}, cashier {cashier}</source>
        <translation>销售单 {number}，{when}，收银员 {cashier}</translation>
    </message>
    <message>
        <source>Recharge {number} of {when}, cashier {cashier}</source>
        <translation>充值单 {number}，{when}，收银员 {cashier}</translation>
    </message>
    <message>
        <source>Total {total}; paid: {paid}</source>
        <translation>合计 {total}；付款：{paid}</translation>
    </message>
    <message>
        <source>Member {name} ({member_no})</source>
        <translation>会员 {name}（{member_no}）</translation>
    </message>
    <message>
        <source>A recharge refund pays back what is left of its principal; its bonus is forfeited.</source>
        <translation>充值退款只退还剩余本金，赠送金额作废。</translation>
    </message>
    <message>
        <source>&amp;Whole sale (everything not refunded yet)</source>
        <translation>整单退款（尚未退的全部）(&amp;W)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退</translation>
    </message>
    <message>
        <source>Refund qty</source>
        <translation>退货数量</translation>
    </message>
    <message>
        <source>{when} (the receipt says {printed}: printed before the time zone was changed)</source>
        <translation>{when}（小票上印的是 {printed}：在更改时区之前打印）</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Type the mobile number.</source>
        <translation>请输入手机号。</translation>
    </message>
    <message>
        <source>Type the member&apos;s name.</source>
        <translation>请输入会员姓名。</translation>
    </message>
    <message>
        <source>Member {member_no} {name} registered ({phone}).</source>
        <translation>会员 {member_no} {name} 已登记（{phone}）。</translation>
    </message>
    <message>
        <source>The card is bound.</source>
        <translation>会员卡已绑定。</translation>
    </message>
    <message>
        <source>They are now the member at the counter (F3 recharges).</source>
        <translation>已设为当前会员（按 F3 充值）。</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>登记会员</translation>
    </message>
    <message>
        <source>Register a member</source>
        <translation>登记会员</translation>
    </message>
    <message>
        <source>Mobile number and name are enough. To give a card, put the cursor in the card field and swipe it.</source>
        <translation>填写手机号和姓名即可。要发卡，请把光标放在卡号栏再刷卡。</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机号(&amp;M)</translation>
    </message>
    <message>
        <source>11-digit mainland mobile number</source>
        <translation>11 位大陆手机号</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation>卡号(&amp;C)</translation>
    </message>
    <message>
        <source>Swipe the card now, or type its number (optional)</source>
        <translation>现在刷卡，或输入卡号（可不填）</translation>
    </message>
    <message>
        <source>Referred &amp;by</source>
        <translation>推荐人(&amp;B)</translation>
    </message>
    <message>
        <source>The referrer&apos;s member no. (optional)</source>
        <translation>推荐人的会员号（可不填）</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>完成（回车）</translation>
    </message>
    <message>
        <source>Register (Enter)</source>
        <translation>登记（回车）</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>Print the report</source>
        <translation>打印报表</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>暂无内容。</translation>
    </message>
    <message>
        <source>Only the first rows are shown here; the export has them all.</source>
        <translation>这里只显示前面的部分行，导出的文件包含全部行。</translation>
    </message>
    <message>
        <source>(no data)</source>
        <translation>（无数据）</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Shift report</source>
        <translation>交班报表</translation>
    </message>
    <message>
        <source>Sales detail</source>
        <translation>销售明细</translation>
    </message>
    <message>
        <source>Stored-value liability</source>
        <translation>储值负债</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分报表</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Count cards</source>
        <translation>计次卡</translation>
    </message>
    <message>
        <source>Member statement</source>
        <translation>会员对账单</translation>
    </message>
    <message>
        <source>This store</source>
        <translation>本店</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <source>Type the shift number.</source>
        <translation>请输入班次号。</translation>
    </message>
    <message>
        <source>Type the member number.</source>
        <translation>请输入会员编号。</translation>
    </message>
    <message>
        <source>My shift report</source>
        <translation>我的交班报表</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Shift no.</source>
        <translation>班次号(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Member no.</source>
        <translation>会员编号(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <source>St&amp;ore</source>
        <translation>门店(&amp;O)</translation>
    </message>
    <message>
        <source>e.g. B20260301-001</source>
        <translation>例如 B20260301-001</translation>
    </message>
    <message>
        <source>Show (Enter)</source>
        <translation>查看（回车）</translation>
    </message>
</context>
<context>
    <name>RestoreConfirm</name>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>Made {when} (shop time), {age}.</source>
        <translation>制作于 {when}（门店时间），{age}。</translation>
    </message>
    <message>
        <source>Made {when} (shop time, the file&apos;s own time: it has no manifest), {age}.</source>
        <translation>制作于 {when}（门店时间；这份备份没有清单，按文件本身的时间），{age}。</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s), {total}</source>
        <translation>
            <numerusform>%n 笔销售，{total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refund(s), {total}</source>
        <translation>
            <numerusform>%n 笔退款，{total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recharge(s), {total}</source>
        <translation>
            <numerusform>%n 笔充值，{total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shift(s)</source>
        <translation>
            <numerusform>%n 个班次</numerusform>
        </translation>
    </message>
    <message>
        <source>{date} (No. {number})</source>
        <translation>{date}（第 {number} 号）</translation>
    </message>
    <message numerus="yes">
        <source>%n sealed day close(s): {dates}</source>
        <translation>
            <numerusform>%n 个已封存的日结：{dates}</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} registered</source>
        <translation>新登记 {count} 位</translation>
    </message>
    <message>
        <source>{count} added</source>
        <translation>新增 {count} 个</translation>
    </message>
    <message>
        <source>Recorded here since this backup and lost by the restore:</source>
        <translation>这份备份之后在这里记录、恢复后将丢失的数据：</translation>
    </message>
    <message>
        <source>Restore {file}</source>
        <translation>恢复 {file}</translation>
    </message>
    <message>
        <source>members: {counts}</source>
        <translation>会员：{counts}</translation>
    </message>
    <message>
        <source>products: {counts}</source>
        <translation>商品：{counts}</translation>
    </message>
    <message numerus="yes">
        <source>%n stock movement(s) (received, counted, transferred)</source>
        <translation>
            <numerusform>%n 笔库存变动（入库、盘点、调拨等）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>商品 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>会员 %n 位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s)</source>
        <translation>
            <numerusform>设置 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Different in the backup, will become the backup&apos;s version: {counts}</source>
        <translation>与备份不同，恢复后将改为备份中的内容：{counts}</translation>
    </message>
    <message>
        <source>Nothing is lost: no sales, refunds, recharges, shifts, day closes, members, products, stock movements or settings were recorded or changed here since this backup.</source>
        <translation>不会丢失记录：这份备份之后，这里没有新的销售、退款、充值、班次、日结，会员、商品、库存和设置也没有变动。</translation>
    </message>
    <message>
        <source>First the current data is saved as a new backup (&quot;before a restore&quot;) in {folder}: to undo the restore, restore that file.</source>
        <translation>恢复前会先把当前数据另存为一份新备份（类型“恢复前”），放在 {folder}：要撤销这次恢复，恢复那份文件即可。</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>恢复这份备份吗？</translation>
    </message>
    <message>
        <source>To restore it, type your password again.</source>
        <translation>要恢复，请再次输入你的密码。</translation>
    </message>
    <message>
        <source>Restore (Enter)</source>
        <translation>恢复（回车）</translation>
    </message>
</context>
<context>
    <name>RestoredNotice</name>
    <message>
        <source>Restored from {file}, made {when} (shop time).</source>
        <translation>已恢复备份 {file}（制作于 {when}，门店时间）。</translation>
    </message>
    <message>
        <source>Restored from {file}.</source>
        <translation>已恢复备份 {file}。</translation>
    </message>
    <message>
        <source>The data from before the restore was saved in the backup folder as {backup}: restore that file to get it back.</source>
        <translation>恢复前的数据已另存到备份文件夹：{backup}，恢复这个文件即可找回。</translation>
    </message>
    <message>
        <source>The data from before the restore was saved as {backup}: to get it back, restore that file (back office, Backups).</source>
        <translation>恢复前的数据已保存为 {backup}：要找回这些数据，请恢复这个文件（后台 → 备份与恢复）。</translation>
    </message>
</context>
<context>
    <name>RetentionWords</name>
    <message numerus="yes">
        <source>Removed %n older backup(s) by the retention rule: {files}.</source>
        <translation>
            <numerusform>按保留规则删除了 %n 份较早的备份：{files}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n older backup(s) by retention (point here for the names).</source>
        <translation>
            <numerusform>按保留规则删除了 %n 份较早的备份（鼠标停在这里可看文件名）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Owner</source>
        <translation>老板</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
</context>
<context>
    <name>RulesBase</name>
    <message>
        <source>no end</source>
        <translation>长期</translation>
    </message>
    <message>
        <source>{text} is not a date: write it as 2026-12-31.</source>
        <translation>{text} 不是日期，请写成 2026-12-31 这样。</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>Amount off</source>
        <translation>满减券</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>折扣券</translation>
    </message>
    <message>
        <source>Item at a fixed price</source>
        <translation>特价券</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Category {code} earns the shop&apos;s rate again.</source>
        <translation>分类 {code} 恢复按全店规则积分。</translation>
    </message>
    <message>
        <source>Category {code} now earns {rate} points per yuan.</source>
        <translation>分类 {code} 现在每元积 {rate} 分。</translation>
    </message>
    <message>
        <source>Type whole points per yuan, 0 to 100, or leave it empty.</source>
        <translation>请输入每元积分，0 到 100 的整数，或留空。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>不送券</translation>
    </message>
    <message>
        <source>every tier</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>New tier</source>
        <translation>新等级</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Change {name}</source>
        <translation>修改 {name}</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Give a coupon: pick it in the list</source>
        <translation>发券：先在列表中选中一种券</translation>
    </message>
    <message>
        <source>Give {name} to a member</source>
        <translation>把“{name}”发给会员</translation>
    </message>
    <message>
        <source>Loyalty rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Only the owner changes the rules; you can see them and give coupons to members.</source>
        <translation>只有老板可以修改规则；你可以查看规则，也可以给会员发券。</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Recharge offers</source>
        <translation>充值活动</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>The points rules are shop settings: they are changed on the settings page, and a change applies to points earned from then on (points already earned keep their dates).</source>
        <translation>积分规则属于门店设置，在“设置”页修改；修改只影响以后获得的积分（已有积分保持原来的到期日）。</translation>
    </message>
    <message>
        <source>Change them in Settings (Ctrl+8)</source>
        <translation>去“设置”修改 (Ctrl+8)</translation>
    </message>
</context>
<context>
    <name>SchedulerWords</name>
    <message numerus="yes">
        <source>Scheduled backup done; removed %n older backup(s) by the retention rule: {files}.</source>
        <translation>
            <numerusform>自动备份完成；按保留规则删除了 %n 份较早的备份：{files}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentsTab</name>
    <message>
        <source>(new)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <source>Segment “{name}” saved.</source>
        <translation>分群“{name}”已保存。</translation>
    </message>
    <message>
        <source>Segment “{name}” deleted.</source>
        <translation>分群“{name}”已删除。</translation>
    </message>
    <message>
        <source>Save the segment first, then export it.</source>
        <translation>请先保存分群，再导出。</translation>
    </message>
    <message>
        <source>Exporting “{name}”…</source>
        <translation>正在导出“{name}”…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) written to {path}</source>
        <translation>
            <numerusform>已导出 %n 位会员到 {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) match</source>
        <translation>
            <numerusform>符合条件的会员：%Ln 位</numerusform>
        </translation>
    </message>
    <message>
        <source>Se&amp;gment</source>
        <translation>分群(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ServerStrip</name>
    <message>
        <source>Reconnect ({key})</source>
        <translation>重新连接 ({key})</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>No answer yet (tries: {n}); trying again every {s} s.</source>
        <translation>服务器仍无应答（已试 {n} 次），每 {s} 秒自动重试。</translation>
    </message>
    <message>
        <source>Trying again every {s} s.</source>
        <translation>每 {s} 秒自动重试。</translation>
    </message>
    <message>
        <source>Logged in offline: the server cannot be reached. Once it answers, the log-in is checked there.</source>
        <translation>离线登录：连不上服务器。服务器恢复后会在服务器上核对这次登录。</translation>
    </message>
    <message>
        <source>The connection to the server was lost. Nothing is booked twice: once it is back, pay the same sale again.</source>
        <translation>与服务器的连接已断开。不会重复记账：连接恢复后，按原样再结一次这笔账即可。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Type an amount in yuan for “{label}”.</source>
        <translation>请为“{label}”输入以元为单位的金额。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有修改任何设置。</translation>
    </message>
    <message>
        <source>Saved: the shop&apos;s name, address and phone.</source>
        <translation>已保存店名、地址和电话。</translation>
    </message>
    <message>
        <source>Printing a test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
    <message>
        <source>Looking for printers…</source>
        <translation>正在查找打印机…</translation>
    </message>
    <message>
        <source>No printer found: plug it in and switch it on, or type its address (network:192.168.1.87:9100).</source>
        <translation>没有找到打印机：请插好并打开打印机，或直接输入地址（network:192.168.1.87:9100）。</translation>
    </message>
    <message>
        <source>Printer {address}: Ctrl+T prints a test page, Ctrl+S saves.</source>
        <translation>打印机 {address}：按 Ctrl+T 打印测试页，Ctrl+S 保存。</translation>
    </message>
    <message>
        <source>Sent: check that the printer fed paper.</source>
        <translation>已发送，请查看打印机是否出纸。</translation>
    </message>
    <message>
        <source>Check that the cash drawer opened.</source>
        <translation>请查看钱箱是否弹开。</translation>
    </message>
    <message>
        <source>The test page was printed.</source>
        <translation>测试页已打印。</translation>
    </message>
    <message>
        <source>The cash drawer was opened.</source>
        <translation>已打开钱箱。</translation>
    </message>
    <message>
        <source>Saved. Settings changed: {count}.</source>
        <translation>已保存，修改了 {count} 项设置。</translation>
    </message>
    <message>
        <source>Default: {value}. {help}</source>
        <translation>默认：{value}。{help}</translation>
    </message>
    <message>
        <source>Default: {value}</source>
        <translation>默认：{value}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Test print (Ctrl+T)</source>
        <translation>打印测试页 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Find printers (Ctrl+L)</source>
        <translation>查找打印机 (Ctrl+L)</translation>
    </message>
    <message>
        <source>Only the owner can change the settings.</source>
        <translation>只有老板可以修改设置。</translation>
    </message>
</context>
<context>
    <name>SheetJobs</name>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>正在检查 {file}…</translation>
    </message>
    <message>
        <source>Row {row}: {problem}</source>
        <translation>第 {row} 行：{problem}</translation>
    </message>
    <message>
        <source>… and more: see the error workbook.</source>
        <translation>……还有更多，请看错误工作簿。</translation>
    </message>
    <message>
        <source>The rows with problems, each with its reason, are in {path}: correct them there and import that file.</source>
        <translation>有问题的行及其原因已写入 {path}：在其中改正后导入该文件。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ShiftChecks</name>
    <message>
        <source>Shift {no} ({name}) is verified.</source>
        <translation>班次 {no}（{name}）已审核。</translation>
    </message>
    <message numerus="yes">
        <source>%n closed shift(s) wait for a check.</source>
        <translation>
            <numerusform>有 %n 个已交班的班次等待审核。</numerusform>
        </translation>
    </message>
    <message>
        <source>No shift waits for a check.</source>
        <translation>没有等待审核的班次。</translation>
    </message>
    <message>
        <source>cash short by {amount}</source>
        <translation>现金短款 {amount}</translation>
    </message>
    <message>
        <source>cash over by {amount}</source>
        <translation>现金长款 {amount}</translation>
    </message>
    <message>
        <source>cash right</source>
        <translation>现金无差额</translation>
    </message>
    <message>
        <source>{no}, {name}: counted {counted}, expected {expected}, {cash}.</source>
        <translation>{no}，{name}：实点 {counted}，应有 {expected}，{cash}。</translation>
    </message>
    <message>
        <source>Verified by {name}.</source>
        <translation>审核人：{name}。</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>备注：{note}</translation>
    </message>
    <message>
        <source>Shift No.</source>
        <translation>班次号</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>交班时间</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Other diff.</source>
        <translation>其他方式差额</translation>
    </message>
    <message>
        <source>Show &amp;verified shifts too</source>
        <translation>同时显示已审核的班次(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>optional, e.g. short 5 jiao explained</source>
        <translation>可不填，例如：短款 5 角已说明</translation>
    </message>
    <message>
        <source>Verify (Enter)</source>
        <translation>审核 (Enter)</translation>
    </message>
</context>
<context>
    <name>ShiftCountView</name>
    <message>
        <source>Count the drawer without looking at the expected amounts (blind close). Cash must be counted; leave a method empty when it was checked against its statement.</source>
        <translation>请清点钱箱（盲交：不显示应有金额）。现金必须清点；已与对账单核对的收款方式可以留空。</translation>
    </message>
    <message>
        <source>Count the drawer. Cash must be counted; leave a method empty to take the expected amount.</source>
        <translation>请清点钱箱。现金必须清点；其他方式留空则按应有金额计。</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>不显示</translation>
    </message>
    <message>
        <source>as expected</source>
        <translation>按应有金额</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Type the opening float (0 for none).</source>
        <translation>请输入开班备用金（没有则填 0）。</translation>
    </message>
    <message>
        <source>Shift {number} started, float {amount}. Ready to sell.</source>
        <translation>班次 {number} 已开始，备用金 {amount}，可以收银了。</translation>
    </message>
    <message>
        <source>Type the amount of cash.</source>
        <translation>请输入现金金额。</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>已记录。</translation>
    </message>
    <message>
        <source>Count the cash first: type the amount in the drawer.</source>
        <translation>请先清点现金：输入钱箱里的金额。</translation>
    </message>
    <message>
        <source>Type the amount counted.</source>
        <translation>请输入清点金额。</translation>
    </message>
    <message>
        <source>Shift {number}, opened {when}</source>
        <translation>班次 {number}，开班时间 {when}</translation>
    </message>
    <message>
        <source>Opening float: {amount}</source>
        <translation>开班备用金：{amount}</translation>
    </message>
    <message>
        <source>Sales: {count}, {amount}</source>
        <translation>销售：{count} 笔，{amount}</translation>
    </message>
    <message>
        <source>Refunds: {amount}    Recharges: {recharges}</source>
        <translation>退款：{amount}&#x3000;&#x3000;充值：{recharges}</translation>
    </message>
    <message>
        <source>Cash in: {cash_in}    Cash out: {cash_out}</source>
        <translation>存入：{cash_in}&#x3000;&#x3000;取出：{cash_out}</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Shift {number}</source>
        <translation>班次 {number}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>No shift is open. Count the float in the drawer and open a shift to take payments.</source>
        <translation>当前没有开班。请清点钱箱里的备用金，开班后才能收款。</translation>
    </message>
    <message>
        <source>Opening &amp;float</source>
        <translation>开班备用金(&amp;F)</translation>
    </message>
    <message>
        <source>Cash &amp;in or out</source>
        <translation>存取现金(&amp;I)</translation>
    </message>
    <message>
        <source>Put cash in (float)</source>
        <translation>存入备用金</translation>
    </message>
    <message>
        <source>Take cash out</source>
        <translation>取出现金</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Open shift (Enter)</source>
        <translation>开班（回车）</translation>
    </message>
    <message>
        <source>Record cash in/out (Enter)</source>
        <translation>记录存取（回车）</translation>
    </message>
    <message>
        <source>Count and close (F5)</source>
        <translation>清点交班（F5）</translation>
    </message>
    <message>
        <source>Close shift (Enter)</source>
        <translation>交班（回车）</translation>
    </message>
</context>
<context>
    <name>ShiftResultView</name>
    <message>
        <source>Shift {number} is closed. This was a blind close: the manager sees the difference.</source>
        <translation>班次 {number} 已交班。本班为盲交，差额由店长查看。</translation>
    </message>
    <message>
        <source>Shift {number} is closed. Cash is {amount} short.</source>
        <translation>班次 {number} 已交班。现金短款 {amount}。</translation>
    </message>
    <message>
        <source>Shift {number} is closed. Cash is {amount} over.</source>
        <translation>班次 {number} 已交班。现金长款 {amount}。</translation>
    </message>
    <message>
        <source>Shift {number} is closed. Cash is exact.</source>
        <translation>班次 {number} 已交班。现金无差额。</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
</context>
<context>
    <name>ShopDetailsBox</name>
    <message>
        <source>Next receipt ({mm} mm)</source>
        <translation>下一张小票预览（{mm} 毫米）</translation>
    </message>
    <message>
        <source>Shop name, address and phone (on receipts)</source>
        <translation>店名、地址、电话（打印在小票上）</translation>
    </message>
    <message>
        <source>Shop &amp;name</source>
        <translation>店名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>Printed at the top of every receipt, centred; an empty address or phone is left out. Ctrl+S saves them with the settings.</source>
        <translation>居中打印在每张小票顶部；地址或电话留空则不打印。按 Ctrl+S 与设置一起保存。</translation>
    </message>
</context>
<context>
    <name>ShopSetupScreen</name>
    <message>
        <source>MemberDesk — set up the shop</source>
        <translation>MemberDesk — 门店设置</translation>
    </message>
    <message>
        <source>Welcome to MemberDesk</source>
        <translation>欢迎使用 MemberDesk</translation>
    </message>
    <message>
        <source>Name your shop and create the owner&apos;s account. Staff accounts for cashiers come later.</source>
        <translation>请填写店名并创建老板账号。收银员的账号稍后在后台添加。</translation>
    </message>
    <message>
        <source>Shop &amp;name</source>
        <translation>店名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Your name</source>
        <translation>您的称呼(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;User name for logging in</source>
        <translation>登录用户名(&amp;U)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>再次输入密码(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>e.g. 好邻居便利店</source>
        <translation>例如：好邻居便利店</translation>
    </message>
    <message>
        <source>at least 6 characters</source>
        <translation>至少 6 位</translation>
    </message>
    <message>
        <source>e.g. 王老板 (shown on screen and receipts)</source>
        <translation>例如：王老板（显示在屏幕和小票上）</translation>
    </message>
    <message>
        <source>Create the shop (Enter)</source>
        <translation>创建门店（回车）</translation>
    </message>
    <message>
        <source>The shop&apos;s data will be kept in {path}</source>
        <translation>门店数据将保存在 {path}</translation>
    </message>
    <message>
        <source>Quit (Ctrl+Q)</source>
        <translation>退出（Ctrl+Q）</translation>
    </message>
    <message>
        <source>Type the shop&apos;s name.</source>
        <translation>请填写店名。</translation>
    </message>
    <message>
        <source>Choose a user name.</source>
        <translation>请填写登录用户名。</translation>
    </message>
    <message>
        <source>The two passwords differ: type it again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Signed in: +{points} points.</source>
        <translation>签到成功：+{points} 积分。</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Sign-in · {name} ({member_no})</source>
        <translation>签到 · {name}（{member_no}）</translation>
    </message>
    <message>
        <source>Day {streak} in a row</source>
        <translation>连续签到第 {streak} 天</translation>
    </message>
    <message>
        <source>Points given: {points}</source>
        <translation>签到积分：{points}</translation>
    </message>
    <message>
        <source>Streak bonus: {bonus}</source>
        <translation>连续签到奖励：{bonus}</translation>
    </message>
    <message>
        <source>Points now: {points}</source>
        <translation>现有积分：{points}</translation>
    </message>
</context>
<context>
    <name>SpecialForm</name>
    <message>
        <source>Type the product&apos;s code or barcode.</source>
        <translation>请填写商品编码或条码。</translation>
    </message>
    <message>
        <source>Type the special price in yuan, e.g. 2.50.</source>
        <translation>请填写特价（元），例如 2.50。</translation>
    </message>
    <message>
        <source>Type the time as YYYY-MM-DD HH:MM (shop time).</source>
        <translation>时间请按 YYYY-MM-DD HH:MM 填写（门店时间）。</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>所有等级</translation>
    </message>
    <message>
        <source>&amp;Members only</source>
        <translation>仅限会员(&amp;M)</translation>
    </message>
    <message>
        <source>Pro&amp;duct</source>
        <translation>商品(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>开始(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>特价(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;To (not included)</source>
        <translation>结束（不含）(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;ier</source>
        <translation>等级(&amp;I)</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>老板</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>The two passwords differ: type it again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <source>Type a user name for logging in.</source>
        <translation>请填写登录用户名。</translation>
    </message>
    <message>
        <source>{name} can now log in as {username} ({role}).</source>
        <translation>{name} 现在可以用 {username} 登录（{role}）。</translation>
    </message>
    <message>
        <source>{name}&apos;s password is changed; they log in with the new one.</source>
        <translation>已为 {name} 设置新密码，{name} 以后用新密码登录。</translation>
    </message>
    <message>
        <source>{name} can log in again.</source>
        <translation>{name} 已恢复，可以登录。</translation>
    </message>
    <message>
        <source>{name} can no longer log in.</source>
        <translation>{name} 已停用，不能再登录。</translation>
    </message>
    <message>
        <source>Pick an account in the list to change it</source>
        <translation>在列表中选中一个账号后可修改</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>姓名(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>再次输入密码(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. xiaowang</source>
        <translation>例如 xiaowang</translation>
    </message>
    <message>
        <source>at least 6 characters</source>
        <translation>至少 6 位</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>Set the password</source>
        <translation>设置密码</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>{path} is not a MemberDesk database file. Nothing was changed.</source>
        <translation>{path} 不是 MemberDesk 数据库文件。文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a MemberDesk shop. Nothing was changed.</source>
        <translation>{path} 是 SQLite 数据库，但不是 MemberDesk 门店数据。文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of MemberDesk (schema {detail}). Please install the newer MemberDesk to open it. The file was not changed.</source>
        <translation>{path} 由更新版本的 MemberDesk 写入（结构版本 {detail}），请安装新版 MemberDesk 后再打开。文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be opened ({detail}). Restore it from a backup with `memberdesk restore`.</source>
        <translation>{path} 已损坏，无法打开（{detail}）。请用 `memberdesk restore` 从备份恢复。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {detail}</source>
        <translation>无法读取 {path}：{detail}</translation>
    </message>
    <message>
        <source>{path} cannot be opened: {detail}</source>
        <translation>无法打开 {path}：{detail}</translation>
    </message>
    <message>
        <source>MemberDesk cannot start</source>
        <translation>MemberDesk 无法启动</translation>
    </message>
    <message>
        <source>The disk holding {path} is full: MemberDesk cannot open the shop. Nothing was changed. Free some space and start MemberDesk again.</source>
        <translation>存放 {path} 的磁盘已满，MemberDesk 无法打开门店数据。文件未作任何改动。请清理磁盘空间后重新启动 MemberDesk。</translation>
    </message>
    <message>
        <source>{path} is busy: another program is holding it. Nothing was changed. Close the other program (or wait a moment) and start MemberDesk again.</source>
        <translation>{path} 正被另一个程序占用，文件未作任何改动。请关闭该程序（或稍等片刻）后重新启动 MemberDesk。</translation>
    </message>
</context>
<context>
    <name>StatusFields</name>
    <message>
        <source>Reader: not connected</source>
        <translation>读卡器：未连接</translation>
    </message>
    <message>
        <source>Reader: no service</source>
        <translation>读卡器：服务未运行</translation>
    </message>
    <message>
        <source>Reader: ready</source>
        <translation>读卡器：就绪</translation>
    </message>
    <message>
        <source>Reader: card present</source>
        <translation>读卡器：有卡</translation>
    </message>
    <message>
        <source>Printer: none</source>
        <translation>打印机：未设置</translation>
    </message>
    <message>
        <source>Printer: ready</source>
        <translation>打印机：就绪</translation>
    </message>
    <message>
        <source>Printer: not working</source>
        <translation>打印机：故障</translation>
    </message>
    <message>
        <source>On duty: —</source>
        <translation>值班：—</translation>
    </message>
    <message>
        <source>On duty: {name} ({role})</source>
        <translation>值班：{name}（{role}）</translation>
    </message>
    <message>
        <source>Shop: {name}</source>
        <translation>门店：{name}</translation>
    </message>
    <message>
        <source>Shift: —</source>
        <translation>班次：—</translation>
    </message>
    <message>
        <source>Shift: none open</source>
        <translation>班次：未开班</translation>
    </message>
    <message>
        <source>Shift: {shift_no}</source>
        <translation>班次：{shift_no}</translation>
    </message>
    <message>
        <source>Backup: never</source>
        <translation>上次备份：从未备份</translation>
    </message>
    <message>
        <source>Backup: just now</source>
        <translation>上次备份：刚刚</translation>
    </message>
    <message>
        <source>Backup: {age} ago</source>
        <translation>上次备份：{age}前</translation>
    </message>
    <message>
        <source>Backup: {when}</source>
        <translation>上次备份：{when}</translation>
    </message>
    <message>
        <source>{count} min</source>
        <translation>{count} 分钟</translation>
    </message>
    <message>
        <source>{count} h</source>
        <translation>{count} 小时</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} 天</translation>
    </message>
</context>
<context>
    <name>StockActions</name>
    <message>
        <source>Type a whole number from {low} to {high}.</source>
        <translation>请输入 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>Type the reason for the count, e.g. month-end count.</source>
        <translation>请填写盘点原因，例如 月末盘点。</translation>
    </message>
    <message>
        <source>{name}: {qty} sent to {store}; {on_hand} left here.</source>
        <translation>{name}：已调拨 {qty} 到 {store}，本店现有 {on_hand}。</translation>
    </message>
    <message>
        <source>{name}: {qty} received, {on_hand} on hand.</source>
        <translation>{name}：已入库 {qty}，现有 {on_hand}。</translation>
    </message>
    <message>
        <source>{name}: tracked from now on, {on_hand} on hand.</source>
        <translation>{name}：从现在开始管库存，现有 {on_hand}。</translation>
    </message>
    <message>
        <source>{name}: counted {on_hand}, difference {diff}.</source>
        <translation>{name}：盘点为 {on_hand}，差 {diff}。</translation>
    </message>
    <message>
        <source>{name}: no low-stock level.</source>
        <translation>{name}：不设库存预警。</translation>
    </message>
    <message>
        <source>{name}: low at {low} or less.</source>
        <translation>{name}：不高于 {low} 时为低库存。</translation>
    </message>
    <message>
        <source>{name} is no longer tracked; its sales move no stock.</source>
        <translation>{name} 已不管库存，销售不再扣库存。</translation>
    </message>
</context>
<context>
    <name>StockModel</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现有</translation>
    </message>
    <message>
        <source>Low at</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低库存</translation>
    </message>
    <message>
        <source>Below zero</source>
        <translation>负库存</translation>
    </message>
    <message>
        <source>Not tracked</source>
        <translation>不管库存</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>Exporting the stock report…</source>
        <translation>正在导出库存报表…</translation>
    </message>
    <message>
        <source>Written: {files}</source>
        <translation>已导出：{files}</translation>
    </message>
    <message>
        <source>Pick a product in the list</source>
        <translation>请在列表中选择商品</translation>
    </message>
    <message>
        <source>{name} ({code}) is a service: no stock</source>
        <translation>{name} ({code}) 是服务项目，不管库存</translation>
    </message>
    <message>
        <source>{name} ({code}): not tracked — receive goods or count it to start</source>
        <translation>{name} ({code})：未管库存——入库或盘点后开始管理</translation>
    </message>
    <message>
        <source>{name} ({code}): {on_hand} {unit} on hand</source>
        <translation>{name} ({code})：现有 {on_hand} {unit}</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>找到 {count} 个</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>没有找到</translation>
    </message>
    <message>
        <source>{count} shown, scroll for more</source>
        <translation>已显示 {count} 个，向下滚动查看更多</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>共 %n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <source>; {tracked} tracked, {low} low</source>
        <translation>；管库存 {tracked} 个，低库存 {low} 个</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>code or name</source>
        <translation>编码、条码、名称、拼音</translation>
    </message>
    <message>
        <source>code, barcode, name or pinyin initials</source>
        <translation>编码、条码、名称或拼音首字母</translation>
    </message>
    <message>
        <source>&amp;Low stock only</source>
        <translation>只看低库存(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>入库数量(&amp;R)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Counted</source>
        <translation>盘点数量(&amp;C)</translation>
    </message>
    <message>
        <source>Re&amp;ason</source>
        <translation>原因(&amp;A)</translation>
    </message>
    <message>
        <source>Lo&amp;w at</source>
        <translation>预警数量(&amp;W)</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>supplier, delivery note</source>
        <translation>供应商、送货单号</translation>
    </message>
    <message>
        <source>supplier, delivery note (optional)</source>
        <translation>供应商、送货单号（可不填）</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>实际数量</translation>
    </message>
    <message>
        <source>e.g. month-end count</source>
        <translation>例如 月末盘点</translation>
    </message>
    <message>
        <source>e.g. month-end count, broken, expired</source>
        <translation>例如 月末盘点、破损、过期</translation>
    </message>
    <message>
        <source>none</source>
        <translation>不预警</translation>
    </message>
    <message>
        <source>Receive goods</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Post count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Save low-stock level</source>
        <translation>保存预警数量</translation>
    </message>
    <message>
        <source>Stop tracking</source>
        <translation>不管库存</translation>
    </message>
    <message>
        <source>Export stock report (Ctrl+E)</source>
        <translation>导出库存报表 (Ctrl+E)</translation>
    </message>
</context>
<context>
    <name>StoreBar</name>
    <message>
        <source>All stores (read only)</source>
        <translation>全部门店（只读）</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>门店(&amp;S)</translation>
    </message>
</context>
<context>
    <name>StoresPage</name>
    <message>
        <source>{name} (this computer)</source>
        <translation>{name}（本机）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>营业中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已停业</translation>
    </message>
    <message>
        <source>Store {code} is saved: {name}.</source>
        <translation>门店 {code} 已保存：{name}。</translation>
    </message>
    <message>
        <source>Store {code} ({name}) is closed.</source>
        <translation>门店 {code}（{name}）已停业。</translation>
    </message>
    <message>
        <source>Store {code} ({name}) is open again.</source>
        <translation>门店 {code}（{name}）已恢复营业。</translation>
    </message>
    <message>
        <source>Store {code} ({name}) is open. Set up its tills with the store code {code}.</source>
        <translation>门店 {code}（{name}）已开设。安装该店的收银机时填写门店编号 {code}。</translation>
    </message>
    <message>
        <source>Network edition: members and their balances are shared by every store; sales, shifts and day closes are each store&apos;s. Staff with no store work in every store.</source>
        <translation>网络版：会员及其余额各门店共用；销售、交班和日结按门店分开。未指定门店的员工可在所有门店工作。</translation>
    </message>
    <message>
        <source>Single-machine edition: this shop has one store. More stores sharing their members need the network edition (网络版, data on a server).</source>
        <translation>单机版：本店只有一家门店。开设多家门店并共用会员，需要网络版（数据存放在服务器上）。</translation>
    </message>
    <message>
        <source>Pick a store in the list to change it</source>
        <translation>在列表中选择一家门店进行修改</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>恢复营业</translation>
    </message>
    <message>
        <source>Close the store</source>
        <translation>停业</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Own staff</source>
        <translation>本店员工</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Open a new store</source>
        <translation>开设新门店</translation>
    </message>
    <message>
        <source>Co&amp;de</source>
        <translation>编号(&amp;D)</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>名称(&amp;M)</translation>
    </message>
    <message>
        <source>e.g. B02</source>
        <translation>如 B02</translation>
    </message>
    <message>
        <source>e.g. Renmin Road</source>
        <translation>如：人民路店</translation>
    </message>
    <message>
        <source>Open the store</source>
        <translation>开设门店</translation>
    </message>
</context>
<context>
    <name>SuggestionBar</name>
    <message>
        <source>Due:</source>
        <translation>推荐：</translation>
    </message>
    <message>
        <source>Often bought with these:</source>
        <translation>常一起买：</translation>
    </message>
    <message>
        <source>{name}: add to the cart ({key})</source>
        <translation>{name}：加入购物清单（{key}）</translation>
    </message>
</context>
<context>
    <name>SystemLog</name>
    <message>
        <source>The folder could not be opened: {folder}</source>
        <translation>无法打开文件夹：{folder}</translation>
    </message>
    <message>
        <source>Nothing at this level. The log is in {folder}</source>
        <translation>这个级别没有记录。日志在 {folder}</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n record(s); older ones are in {folder}</source>
        <translation>
            <numerusform>最新的 %n 条记录；更早的在 {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), from {folder}</source>
        <translation>
            <numerusform>%n 条记录，来自 {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>级别(&amp;L)</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>只看错误</translation>
    </message>
    <message>
        <source>Read again (F5)</source>
        <translation>重新读取 (F5)</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Done (Esc)</source>
        <translation>完成（Esc）</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
</context>
<context>
    <name>TemplatesPanel</name>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有改动。</translation>
    </message>
    <message>
        <source>Templates saved.</source>
        <translation>模板已保存。</translation>
    </message>
    <message>
        <source>Sending a test message…</source>
        <translation>正在发送测试短信…</translation>
    </message>
    <message>
        <source>The test message was sent to {phone}.</source>
        <translation>测试短信已发送到 {phone}。</translation>
    </message>
    <message>
        <source> (promotional)</source>
        <translation>（营销）</translation>
    </message>
    <message>
        <source>Template code</source>
        <translation>模板编号</translation>
    </message>
    <message>
        <source>Text (empty: the default in grey)</source>
        <translation>内容（留空用灰色的默认内容）</translation>
    </message>
    <message>
        <source>Placeholders: {list}. Promotional messages go only to members who agreed, from 08:00 to 21:00, and end with 拒收请回复R. The provider, keys and signature are on the Settings page (Text messages).</source>
        <translation>占位符：{list}。营销短信只发给同意接收的会员，只在 08:00–21:00 发送，结尾附“拒收请回复R”。服务商、密钥和签名在“设置”页的“短信”部分。</translation>
    </message>
    <message>
        <source>Save templates</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Test to phone</source>
        <translation>测试手机号</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>发送测试短信</translation>
    </message>
    <message>
        <source>Only the owner can change templates and send tests.</source>
        <translation>只有老板可以修改模板和发送测试短信。</translation>
    </message>
</context>
<context>
    <name>Tenders</name>
    <message>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
</context>
<context>
    <name>TimeZones</name>
    <message>
        <source>American Samoa</source>
        <translation>美属萨摩亚</translation>
    </message>
    <message>
        <source>Hawaii</source>
        <translation>夏威夷</translation>
    </message>
    <message>
        <source>São Paulo, Buenos Aires</source>
        <translation>圣保罗、布宜诺斯艾利斯</translation>
    </message>
    <message>
        <source>Moscow, Istanbul, Riyadh</source>
        <translation>莫斯科、伊斯坦布尔、利雅得</translation>
    </message>
    <message>
        <source>Tehran</source>
        <translation>德黑兰</translation>
    </message>
    <message>
        <source>Dubai</source>
        <translation>迪拜</translation>
    </message>
    <message>
        <source>Kabul</source>
        <translation>喀布尔</translation>
    </message>
    <message>
        <source>Karachi, Tashkent</source>
        <translation>卡拉奇、塔什干</translation>
    </message>
    <message>
        <source>India, Sri Lanka</source>
        <translation>印度、斯里兰卡</translation>
    </message>
    <message>
        <source>Nepal</source>
        <translation>尼泊尔</translation>
    </message>
    <message>
        <source>Myanmar</source>
        <translation>缅甸</translation>
    </message>
    <message>
        <source>Bangkok, Hanoi, Jakarta</source>
        <translation>曼谷、河内、雅加达</translation>
    </message>
    <message>
        <source>Beijing time (China)</source>
        <translation>北京时间（中国）</translation>
    </message>
    <message>
        <source>Tokyo, Seoul</source>
        <translation>东京、首尔</translation>
    </message>
    <message>
        <source>Solomon Islands</source>
        <translation>所罗门群岛</translation>
    </message>
    <message>
        <source>Tonga, Samoa</source>
        <translation>汤加、萨摩亚</translation>
    </message>
    <message>
        <source>Line Islands (Kiribati)</source>
        <translation>莱恩群岛（基里巴斯）</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Arizona (Phoenix)</source>
        <translation>亚利桑那（凤凰城）</translation>
    </message>
    <message>
        <source>Mexico City, Costa Rica</source>
        <translation>墨西哥城、哥斯达黎加</translation>
    </message>
    <message>
        <source>Bogotá, Lima, Panama</source>
        <translation>波哥大、利马、巴拿马</translation>
    </message>
    <message>
        <source>Caracas, La Paz</source>
        <translation>加拉加斯、拉巴斯</translation>
    </message>
    <message>
        <source>Cape Verde</source>
        <translation>佛得角</translation>
    </message>
    <message>
        <source>Reykjavík, Accra</source>
        <translation>雷克雅未克、阿克拉</translation>
    </message>
    <message>
        <source>Lagos, Algiers</source>
        <translation>拉各斯、阿尔及尔</translation>
    </message>
    <message>
        <source>Johannesburg</source>
        <translation>约翰内斯堡</translation>
    </message>
    <message>
        <source>Dhaka, Bishkek</source>
        <translation>达卡、比什凯克</translation>
    </message>
    <message>
        <source>Darwin</source>
        <translation>达尔文</translation>
    </message>
    <message>
        <source>Brisbane, Guam, Vladivostok</source>
        <translation>布里斯班、关岛、符拉迪沃斯托克</translation>
    </message>
    <message>
        <source>Fiji, Kamchatka</source>
        <translation>斐济、堪察加</translation>
    </message>
    <message>
        <source>Default: {zone}. The shop&apos;s “today” for the day close, reports and expiry is counted in it. The clock keeps this offset all year: places with summer time are not listed.</source>
        <translation>默认：{zone}。日结、报表和到期按这个时区的“今天”计算。全年固定使用这个时差，所以有夏令时的地区不在列表中。</translation>
    </message>
</context>
<context>
    <name>TiersTab</name>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>every tier</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Tier {name} is added; products have a price field for it now.</source>
        <translation>已添加等级“{name}”，商品现在有它的会员价一栏。</translation>
    </message>
    <message>
        <source>Tier {name} is saved.</source>
        <translation>等级“{name}”已保存。</translation>
    </message>
    <message>
        <source>Tier {name} is active again.</source>
        <translation>等级“{name}”已重新启用。</translation>
    </message>
    <message>
        <source>Tier {name} is deactivated.</source>
        <translation>等级“{name}”已停用。</translation>
    </message>
    <message>
        <source>Type the least recharge the offer is for.</source>
        <translation>请填写充值满多少元参加活动。</translation>
    </message>
    <message>
        <source>Recharge {threshold} get {bonus}</source>
        <translation>充{threshold}送{bonus}</translation>
    </message>
    <message>
        <source>The offer {name} is added; recharges at the counter get it now.</source>
        <translation>充值活动“{name}”已添加，收银台充值现在就按它赠送。</translation>
    </message>
    <message>
        <source>The offer {name} has ended.</source>
        <translation>充值活动“{name}”已结束。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Share paid</source>
        <translation>折扣（应付）</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Upgrade at</source>
        <translation>升级门槛</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>编号(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>顺序(&amp;O)</translation>
    </message>
    <message>
        <source>Share &amp;paid</source>
        <translation>折扣(&amp;P)</translation>
    </message>
    <message>
        <source>Poin&amp;ts ×</source>
        <translation>积分倍数(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Upgrade at</source>
        <translation>升级门槛(&amp;U)</translation>
    </message>
    <message>
        <source>What a member of this tier pays when a product has no member price: 95% = 5% off (九五折)</source>
        <translation>商品没有会员价时，这个等级的会员付原价的百分之几：95% = 九五折</translation>
    </message>
    <message>
        <source>spend to reach it</source>
        <translation>消费满多少升级</translation>
    </message>
    <message>
        <source>e.g. gold</source>
        <translation>例如 gold</translation>
    </message>
    <message>
        <source>New (Ctrl+N)</source>
        <translation>新建 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Recharge</source>
        <translation>充值满</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>赠送金额</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>赠券</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>New offer: a recharge of at least the amount gets the bonus</source>
        <translation>新充值活动：充值满这个金额就赠送</translation>
    </message>
    <message>
        <source>&amp;Recharge</source>
        <translation>充值满(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Bonus</source>
        <translation>赠送金额(&amp;B)</translation>
    </message>
    <message>
        <source>Bonus p&amp;oints</source>
        <translation>赠送积分(&amp;O)</translation>
    </message>
    <message>
        <source>Co&amp;upon</source>
        <translation>赠券(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation>等级(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>开始(&amp;F)</translation>
    </message>
    <message>
        <source>U&amp;ntil</source>
        <translation>结束(&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>名称(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. 充100送20 (made up if empty)</source>
        <translation>例如 充100送20（留空自动生成）</translation>
    </message>
    <message>
        <source>First day; empty: from today</source>
        <translation>第一天；留空 = 从今天起</translation>
    </message>
    <message>
        <source>Last day, included; empty: until ended</source>
        <translation>最后一天（含）；留空 = 直到手动结束</translation>
    </message>
    <message>
        <source>End the offer</source>
        <translation>结束活动</translation>
    </message>
    <message>
        <source>Add the offer</source>
        <translation>添加活动</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>小计</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应收金额</translation>
    </message>
</context>
<context>
    <name>TransferRow</name>
    <message>
        <source>&amp;Transfer</source>
        <translation>调拨数量(&amp;T)</translation>
    </message>
    <message>
        <source>to stor&amp;e</source>
        <translation>调入门店(&amp;E)</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Send to store</source>
        <translation>调拨</translation>
    </message>
</context>
<context>
    <name>UnsavedProduct</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Product “{name}” has unsaved changes.</source>
        <translation>商品「{name}」有未保存的更改</translation>
    </message>
    <message>
        <source>Save them before going on? Cancel goes back to the form, as typed.</source>
        <translation>先保存再继续吗？取消则回到表单，输入的内容都还在。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存更改</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>new product</source>
        <translation>新商品</translation>
    </message>
</context>
<context>
    <name>CartRestore</name>
    <message numerus="yes">
        <source>Cart cleared: %n item(s) ({amount}). Press Ctrl+Z to bring it back.</source>
        <translation>
            <numerusform>购物车已清空：%n 件商品（{amount}）。按 Ctrl+Z 恢复。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cart is back: %n item(s).</source>
        <translation>
            <numerusform>购物车已恢复：%n 件商品。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskCalls</name>
    <message>
        <source>A manager&apos;s approval is needed: the manager types their name and password in the box that opened.</source>
        <translation>需要店长批准：请店长在弹出的窗口中输入账号和密码。</translation>
    </message>
</context>
</TS>
