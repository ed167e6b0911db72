<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnalysisPage</name>
    <message>
        <source>The scores have not been computed yet: press Refresh scores.</source>
        <translation>The scores have not been computed yet: press Refresh scores.</translation>
    </message>
    <message>
        <source>Segments, grades, lifecycle and the churn list are as of {scored} (the last refresh); press Refresh scores to compute them as of {day}.</source>
        <translation>Segments, grades, lifecycle and the churn list are as of {scored} (the last refresh); press Refresh scores to compute them as of {day}.</translation>
    </message>
    <message>
        <source>Refreshing the scores… you can keep working at the counter.</source>
        <translation>Refreshing the scores… you can keep working at the counter.</translation>
    </message>
    <message>
        <source>Scores refreshed as of {day}: {members} members, {churn} churn warnings.</source>
        <translation>Scores refreshed as of {day}: {members} members, {churn} churn warnings.</translation>
    </message>
    <message>
        <source>Member analysis</source>
        <translation>Member analysis</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>&amp;As of</translation>
    </message>
    <message>
        <source>Show (Enter)</source>
        <translation>Show (Enter)</translation>
    </message>
    <message>
        <source>Refresh scores</source>
        <translation>Refresh scores</translation>
    </message>
</context>
<context>
    <name>ApprovalActions</name>
    <message>
        <source>Giving a coupon</source>
        <translation>Giving a coupon</translation>
    </message>
    <message>
        <source>A refund</source>
        <translation>A refund</translation>
    </message>
    <message>
        <source>The discount on this sale</source>
        <translation>The discount on this sale</translation>
    </message>
    <message>
        <source>The price change on this sale</source>
        <translation>The price change on this sale</translation>
    </message>
    <message>
        <source>Undoing a use of a count card</source>
        <translation>Undoing a use of a count card</translation>
    </message>
    <message>
        <source>Refunding a count card</source>
        <translation>Refunding a count card</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Type the approver&apos;s user name.</source>
        <translation>Type the approver&apos;s user name.</translation>
    </message>
    <message>
        <source>Type the approver&apos;s password.</source>
        <translation>Type the approver&apos;s password.</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>Please give a reason.</translation>
    </message>
    <message>
        <source>Confirm with your password</source>
        <translation>Confirm with your password</translation>
    </message>
    <message>
        <source>To {action}, type your password again.</source>
        <translation>To {action}, type your password again.</translation>
    </message>
    <message>
        <source>Manager approval</source>
        <translation>Manager approval</translation>
    </message>
    <message>
        <source>{action} needs a manager or the owner. They type their user name and password here; the approval counts once.</source>
        <translation>{action} needs a manager or the owner. They type their user name and password here; the approval counts once.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>User name or the name on the login list</source>
        <translation>User name or the name on the login list</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>Why (required)</translation>
    </message>
    <message>
        <source>Confirm (Enter)</source>
        <translation>Confirm (Enter)</translation>
    </message>
    <message>
        <source>Approve (Enter)</source>
        <translation>Approve (Enter)</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Row {no}</source>
        <translation>Row {no}</translation>
    </message>
    <message>
        <source>No details recorded.</source>
        <translation>No details recorded.</translation>
    </message>
    <message>
        <source>Exporting… you can keep working.</source>
        <translation>Exporting… you can keep working.</translation>
    </message>
    <message>
        <source>Checking the audit chain… you can keep working.</source>
        <translation>Checking the audit chain… you can keep working.</translation>
    </message>
    <message>
        <source>Ctrl+K checks that no row was altered or deleted.</source>
        <translation>Ctrl+K checks that no row was altered or deleted.</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>All staff</translation>
    </message>
    <message>
        <source>No rows match.</source>
        <translation>No rows match.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) written to {path}</source>
        <translation>
            <numerusform>%Ln row written to {path}</numerusform>
            <numerusform>%Ln rows written to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Newest %Ln row(s) shown; scroll for more.</source>
        <translation>
            <numerusform>Newest %Ln row shown; scroll for more.</numerusform>
            <numerusform>Newest %Ln rows shown; scroll for more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s).</source>
        <translation>
            <numerusform>%Ln row.</numerusform>
            <numerusform>%Ln rows.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>&amp;Action</translation>
    </message>
    <message>
        <source>S&amp;taff</source>
        <translation>S&amp;taff</translation>
    </message>
    <message>
        <source>&amp;Dates</source>
        <translation>&amp;Dates</translation>
    </message>
    <message>
        <source>Check the chain (Ctrl+K)</source>
        <translation>Check the chain (Ctrl+K)</translation>
    </message>
    <message>
        <source>Export to Excel (Ctrl+E)</source>
        <translation>Export to Excel (Ctrl+E)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Audit &amp;log</source>
        <translation>Audit &amp;log</translation>
    </message>
    <message>
        <source>&amp;Shift checks</source>
        <translation>&amp;Shift checks</translation>
    </message>
    <message>
        <source>S&amp;ystem log</source>
        <translation>S&amp;ystem log</translation>
    </message>
</context>
<context>
    <name>BackOffice</name>
    <message>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
    <message>
        <source>Back office — {name}</source>
        <translation>Back office — {name}</translation>
    </message>
    <message>
        <source>Day close</source>
        <translation>Day close</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Loyalty rules</source>
        <translation>Loyalty rules</translation>
    </message>
    <message>
        <source>Daily jobs</source>
        <translation>Daily jobs</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>Count cards</source>
        <translation>Count cards</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>Gifts</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>My shift</source>
        <translation>My shift</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <source>by hand</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>scheduled</translation>
    </message>
    <message>
        <source>day close</source>
        <translation>day close</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>before an upgrade</translation>
    </message>
    <message>
        <source>before restoring
the {when} backup</source>
        <translation>before restoring
the {when} backup</translation>
    </message>
    <message>
        <source>second copy: {folder}</source>
        <translation>second copy: {folder}</translation>
    </message>
    <message>
        <source>this computer: {folder}</source>
        <translation>this computer: {folder}</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>not verified</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Where</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Backing up and verifying the copy…</source>
        <translation>Backing up and verifying the copy…</translation>
    </message>
    <message>
        <source>Backed up and verified: {when}, {size}</source>
        <translation>Backed up and verified: {when}, {size}</translation>
    </message>
    <message>
        <source>Choose a backup in the list first.</source>
        <translation>Choose a backup in the list first.</translation>
    </message>
    <message>
        <source>Restore which backup?</source>
        <translation>Restore which backup?</translation>
    </message>
    <message>
        <source>MemberDesk databases (*.sqlite3 *.db);;All files (*)</source>
        <translation>MemberDesk databases (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Wait until the export or backup finishes.</source>
        <translation>Wait until the export or backup finishes.</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Checking {file}…</translation>
    </message>
    <message>
        <source>Restoring {file}…</source>
        <translation>Restoring {file}…</translation>
    </message>
    <message>
        <source>{file} is a good backup. Read what the restore takes back, then confirm with your password.</source>
        <translation>{file} is a good backup. Read what the restore takes back, then confirm with your password.</translation>
    </message>
    <message>
        <source>Reading the backup state…</source>
        <translation>Reading the backup state…</translation>
    </message>
    <message>
        <source>There is no good backup yet.</source>
        <translation>There is no good backup yet.</translation>
    </message>
    <message>
        <source>Last good backup: {when}</source>
        <translation>Last good backup: {when}</translation>
    </message>
    <message>
        <source>Second copy to: {folder}</source>
        <translation>Second copy to: {folder}</translation>
    </message>
    <message>
        <source>Nothing is backed up yet: back up now.</source>
        <translation>Nothing is backed up yet: back up now.</translation>
    </message>
    <message>
        <source>The last good backup is more than a day old: back up now.</source>
        <translation>The last good backup is more than a day old: back up now.</translation>
    </message>
    <message>
        <source>The second backup destination {folder} is missing: plug in the USB drive.</source>
        <translation>The second backup destination {folder} is missing: plug in the USB drive.</translation>
    </message>
    <message>
        <source>Backup and restore</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>&amp;Backups found: {count} (newest first)</source>
        <translation>&amp;Backups found: {count} (newest first)</translation>
    </message>
    <message>
        <source>Restore the chosen backup (Enter)</source>
        <translation>Restore the chosen backup (Enter)</translation>
    </message>
    <message>
        <source>Restore replaces all current data with a backup. The file is checked first and the current data is backed up before it is replaced.</source>
        <translation>Restore replaces all current data with a backup. The file is checked first and the current data is backed up before it is replaced.</translation>
    </message>
    <message>
        <source>Only the owner can restore a backup.</source>
        <translation>Only the owner can restore a backup.</translation>
    </message>
    <message>
        <source>Restore from another file…</source>
        <translation>Restore from another file…</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Type a hold-out share from 0 to {max} (%).</source>
        <translation>Type a hold-out share from 0 to {max} (%).</translation>
    </message>
    <message>
        <source>Type the days the result is measured over.</source>
        <translation>Type the days the result is measured over.</translation>
    </message>
    <message>
        <source>Save a segment and set up a coupon first.</source>
        <translation>Save a segment and set up a coupon first.</translation>
    </message>
    <message>
        <source>Campaign “{name}” created: run it to issue the coupons.</source>
        <translation>Campaign “{name}” created: run it to issue the coupons.</translation>
    </message>
    <message>
        <source>Campaign “{name}” created: the counter applies it from now on.</source>
        <translation>Campaign “{name}” created: the counter applies it from now on.</translation>
    </message>
    <message>
        <source>Press End again to end “{name}” now.</source>
        <translation>Press End again to end “{name}” now.</translation>
    </message>
    <message>
        <source>“{name}” ended.</source>
        <translation>“{name}” ended.</translation>
    </message>
    <message>
        <source>Issuing the coupons of “{name}”…</source>
        <translation>Issuing the coupons of “{name}”…</translation>
    </message>
    <message>
        <source>Stopped: {issued} coupons issued so far; run it again to go on.</source>
        <translation>Stopped: {issued} coupons issued so far; run it again to go on.</translation>
    </message>
    <message>
        <source>{issued} coupons issued, {held} members held out.</source>
        <translation>{issued} coupons issued, {held} members held out.</translation>
    </message>
    <message>
        <source>Writing the report of “{name}”…</source>
        <translation>Writing the report of “{name}”…</translation>
    </message>
    <message>
        <source>Written: {files}</source>
        <translation>Written: {files}</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Members only</source>
        <translation>Members only</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>ended</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>issued</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>not run</translation>
    </message>
    <message>
        <source>Member day</source>
        <translation>Member day</translation>
    </message>
    <message>
        <source>Special price</source>
        <translation>Special price</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Reached</translation>
    </message>
    <message>
        <source>Held out</source>
        <translation>Held out</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>S&amp;egment</source>
        <translation>S&amp;egment</translation>
    </message>
    <message>
        <source>C&amp;oupon</source>
        <translation>C&amp;oupon</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>&amp;Who</translation>
    </message>
    <message>
        <source>&amp;Hold-out %</source>
        <translation>&amp;Hold-out %</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>Free gift</source>
        <translation>Free gift</translation>
    </message>
    <message>
        <source>Segment / kind</source>
        <translation>Segment / kind</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation>&amp;Days</translation>
    </message>
    <message>
        <source>“{name}” saved.</source>
        <translation>“{name}” saved.</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Change “{name}” (before it starts)</source>
        <translation>Change “{name}” (before it starts)</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Run (issue coupons)</source>
        <translation>Run (issue coupons)</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>End now</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Report (Excel and PDF)</source>
        <translation>Report (Excel and PDF)</translation>
    </message>
</context>
<context>
    <name>CardsDialog</name>
    <message>
        <source>Swipe the card or type its number.</source>
        <translation>Swipe the card or type its number.</translation>
    </message>
    <message>
        <source>Card {uid} is in use: member {member_no} {name}.</source>
        <translation>Card {uid} is in use: member {member_no} {name}.</translation>
    </message>
    <message>
        <source>Swipe the new card into &quot;New card&quot;.</source>
        <translation>Swipe the new card into &quot;New card&quot;.</translation>
    </message>
    <message>
        <source>Voiding unbinds card {uid} from its member. Press Void again to confirm.</source>
        <translation>Voiding unbinds card {uid} from its member. Press Void again to confirm.</translation>
    </message>
    <message>
        <source>Card {uid} of member {member_no}: {state}.</source>
        <translation>Card {uid} of member {member_no}: {state}.</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>Cards of {name} ({member_no})</source>
        <translation>Cards of {name} ({member_no})</translation>
    </message>
    <message>
        <source>Lost, found, replaced and void cards</source>
        <translation>Lost, found, replaced and void cards</translation>
    </message>
    <message>
        <source>Member&apos;s cards</source>
        <translation>Member&apos;s cards</translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation>&amp;Card</translation>
    </message>
    <message>
        <source>Swipe or type the card; Enter shows whose it is</source>
        <translation>Swipe or type the card; Enter shows whose it is</translation>
    </message>
    <message>
        <source>&amp;New card</source>
        <translation>&amp;New card</translation>
    </message>
    <message>
        <source>For a replacement: swipe the new card here</source>
        <translation>For a replacement: swipe the new card here</translation>
    </message>
    <message>
        <source>Report &amp;lost</source>
        <translation>Report &amp;lost</translation>
    </message>
    <message>
        <source>&amp;Found again</source>
        <translation>&amp;Found again</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Replace</translation>
    </message>
    <message>
        <source>&amp;Void</source>
        <translation>&amp;Void</translation>
    </message>
</context>
<context>
    <name>CartModel</name>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Disc.</source>
        <translation>Disc.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>[Gift] {name}</source>
        <translation>[Gift] {name}</translation>
    </message>
    <message>
        <source>A gift with this purchase: added by itself while the sale reaches the amount, at no charge.</source>
        <translation>A gift with this purchase: added by itself while the sale reaches the amount, at no charge.</translation>
    </message>
    <message>
        <source>Plain amount</source>
        <translation>Plain amount</translation>
    </message>
</context>
<context>
    <name>CartPanel</name>
    <message>
        <source>Cart</source>
        <translation>Cart</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Plain amount ¥</source>
        <translation>Plain amount ¥</translation>
    </message>
    <message>
        <source>Scan, code or name</source>
        <translation>Scan, code or name</translation>
    </message>
    <message>
        <source>A barcode or code adds the item; a name, pinyin initials or a part of them show a pick list</source>
        <translation>A barcode or code adds the item; a name, pinyin initials or a part of them show a pick list</translation>
    </message>
    <message>
        <source>One more of the selected line (+)</source>
        <translation>One more of the selected line (+)</translation>
    </message>
    <message>
        <source>One less of the selected line (-)</source>
        <translation>One less of the selected line (-)</translation>
    </message>
    <message>
        <source>Remove the selected line (Del)</source>
        <translation>Remove the selected line (Del)</translation>
    </message>
</context>
<context>
    <name>CategoryPoints</name>
    <message>
        <source>shop&apos;s rate ({rate})</source>
        <translation>shop&apos;s rate ({rate})</translation>
    </message>
    <message>
        <source>{rate} per yuan</source>
        <translation>{rate} per yuan</translation>
    </message>
    <message>
        <source>Points per category</source>
        <translation>Points per category</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Points earned</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>Points per &amp;yuan</source>
        <translation>Points per &amp;yuan</translation>
    </message>
    <message>
        <source>empty: shop&apos;s</source>
        <translation>empty: shop&apos;s</translation>
    </message>
    <message>
        <source>Save rate</source>
        <translation>Save rate</translation>
    </message>
</context>
<context>
    <name>CloseForDialog</name>
    <message>
        <source>Count the cash first: type the amount in the drawer.</source>
        <translation>Count the cash first: type the amount in the drawer.</translation>
    </message>
    <message>
        <source>Close for them</source>
        <translation>Close for them</translation>
    </message>
    <message>
        <source>Close shift {number} of {name} for them (opened {when})</source>
        <translation>Close shift {number} of {name} for them (opened {when})</translation>
    </message>
    <message>
        <source>Close shift (Enter)</source>
        <translation>Close shift (Enter)</translation>
    </message>
</context>
<context>
    <name>CountCardDialog</name>
    <message>
        <source>valid to {date}</source>
        <translation>valid to {date}</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>no expiry</translation>
    </message>
    <message>
        <source>{card} · {service}
{left}/{total} left    {ends}</source>
        <translation>{card} · {service}
{left}/{total} left    {ends}</translation>
    </message>
    <message>
        <source>{card} {service} ×{uses}, {left} left</source>
        <translation>{card} {service} ×{uses}, {left} left</translation>
    </message>
    <message>
        <source>Used by mistake</source>
        <translation>Used by mistake</translation>
    </message>
    <message>
        <source>Refund the {left} unused uses of {card} by the shop&apos;s rule? Press “Refund unused” again to confirm.</source>
        <translation>Refund the {left} unused uses of {card} by the shop&apos;s rule? Press “Refund unused” again to confirm.</translation>
    </message>
    <message>
        <source>Customer returns the card</source>
        <translation>Customer returns the card</translation>
    </message>
    <message>
        <source>Refunded {amount} for the unused uses ({refund_no}).</source>
        <translation>Refunded {amount} for the unused uses ({refund_no}).</translation>
    </message>
    <message>
        <source>Use undone: {card} {service}, {left} left</source>
        <translation>Use undone: {card} {service}, {left} left</translation>
    </message>
    <message>
        <source>Count cards</source>
        <translation>Count cards</translation>
    </message>
    <message>
        <source>Count cards of {name} ({member_no})</source>
        <translation>Count cards of {name} ({member_no})</translation>
    </message>
    <message>
        <source>Card and service</source>
        <translation>Card and service</translation>
    </message>
    <message>
        <source>&amp;Uses</source>
        <translation>&amp;Uses</translation>
    </message>
    <message>
        <source>This member has no usable count card. Sell one like any product: ring up the card&apos;s code and take payment.</source>
        <translation>This member has no usable count card. Sell one like any product: ring up the card&apos;s code and take payment.</translation>
    </message>
    <message>
        <source>Use (Enter)</source>
        <translation>Use (Enter)</translation>
    </message>
    <message>
        <source>Undo last use</source>
        <translation>Undo last use</translation>
    </message>
    <message>
        <source>Refund unused</source>
        <translation>Refund unused</translation>
    </message>
</context>
<context>
    <name>CountCardsPage</name>
    <message>
        <source>{service} ×{uses}</source>
        <translation>{service} ×{uses}</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>to {date}</source>
        <translation>to {date}</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>No expiry</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Resume selling</source>
        <translation>Resume selling</translation>
    </message>
    <message>
        <source>Stop selling</source>
        <translation>Stop selling</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Services: item code × uses, e.g. WASH×10, WAX×2</source>
        <translation>Services: item code × uses, e.g. WASH×10, WAX×2</translation>
    </message>
    <message>
        <source>Days: a whole number, or leave it empty</source>
        <translation>Days: a whole number, or leave it empty</translation>
    </message>
    <message>
        <source>End date: YYYY-MM-DD, or leave it empty</source>
        <translation>End date: YYYY-MM-DD, or leave it empty</translation>
    </message>
    <message>
        <source>Tier price</source>
        <translation>Tier price</translation>
    </message>
    <message>
        <source>Tier prices: tier code = price, e.g. gold=230</source>
        <translation>Tier prices: tier code = price, e.g. gold=230</translation>
    </message>
    <message>
        <source>{name} is on sale: ring up {code} at the counter.</source>
        <translation>{name} is on sale: ring up {code} at the counter.</translation>
    </message>
    <message>
        <source>{name} saved; cards already sold keep their uses and dates.</source>
        <translation>{name} saved; cards already sold keep their uses and dates.</translation>
    </message>
    <message>
        <source>{name} is on sale again.</source>
        <translation>{name} is on sale again.</translation>
    </message>
    <message>
        <source>{name} is no longer sold.</source>
        <translation>{name} is no longer sold.</translation>
    </message>
    <message>
        <source>Count card templates</source>
        <translation>Count card templates</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Add a template, or pick one to change it</source>
        <translation>Add a template, or pick one to change it</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Price ¥</source>
        <translation>&amp;Price ¥</translation>
    </message>
    <message>
        <source>Ser&amp;vices</source>
        <translation>Ser&amp;vices</translation>
    </message>
    <message>
        <source>&amp;Days valid</source>
        <translation>&amp;Days valid</translation>
    </message>
    <message>
        <source>&amp;End date</source>
        <translation>&amp;End date</translation>
    </message>
    <message>
        <source>&amp;Tier prices</source>
        <translation>&amp;Tier prices</translation>
    </message>
    <message>
        <source>e.g. WASH10</source>
        <translation>e.g. WASH10</translation>
    </message>
    <message>
        <source>e.g. 洗车10次卡</source>
        <translation>e.g. 洗车10次卡</translation>
    </message>
    <message>
        <source>e.g. WASH×10, WAX×2</source>
        <translation>e.g. WASH×10, WAX×2</translation>
    </message>
    <message>
        <source>item code × uses, e.g. WASH×10, WAX×2</source>
        <translation>item code × uses, e.g. WASH×10, WAX×2</translation>
    </message>
    <message>
        <source>e.g. 365; empty: no limit</source>
        <translation>e.g. 365; empty: no limit</translation>
    </message>
    <message>
        <source>YYYY-MM-DD; optional</source>
        <translation>YYYY-MM-DD; optional</translation>
    </message>
    <message>
        <source>optional, e.g. gold=230, silver=240</source>
        <translation>optional, e.g. gold=230, silver=240</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Sold by its code at the counter, to a member; Shift+F3 uses it.</source>
        <translation>Sold by its code at the counter, to a member; Shift+F3 uses it.</translation>
    </message>
    <message>
        <source>Refunds of the unused part follow the setting “Count card refund rule”.</source>
        <translation>Refunds of the unused part follow the setting “Count card refund rule”.</translation>
    </message>
</context>
<context>
    <name>CounterMessages</name>
    <message>
        <source>The shop database is busy: another program is holding it. Nothing was saved. Close the other program (or wait a moment) and try again.</source>
        <translation>The shop database is busy: another program is holding it. Nothing was saved. Close the other program (or wait a moment) and try again.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation>The disk is full: nothing was saved. Free some space and try again.</translation>
    </message>
    <message>
        <source>The card could not be read. Present it to the reader again.</source>
        <translation>The card could not be read. Present it to the reader again.</translation>
    </message>
    <message>
        <source>The card was taken away while it was being read. Present it again.</source>
        <translation>The card was taken away while it was being read. Present it again.</translation>
    </message>
    <message>
        <source>The card reader was disconnected. Plug it in again, or type the phone or member number.</source>
        <translation>The card reader was disconnected. Plug it in again, or type the phone or member number.</translation>
    </message>
    <message>
        <source>The card reader service is not running. Type the phone or member number meanwhile.</source>
        <translation>The card reader service is not running. Type the phone or member number meanwhile.</translation>
    </message>
    <message>
        <source>A card was presented during the payment. Finish or cancel this payment first (Esc).</source>
        <translation>A card was presented during the payment. Finish or cancel this payment first (Esc).</translation>
    </message>
    <message>
        <source>Type an amount in yuan, e.g. 25 or 12.50.</source>
        <translation>Type an amount in yuan, e.g. 25 or 12.50.</translation>
    </message>
    <message>
        <source>The cart is empty: scan an item or type an amount first.</source>
        <translation>The cart is empty: scan an item or type an amount first.</translation>
    </message>
    <message>
        <source>Select a line of the cart first.</source>
        <translation>Select a line of the cart first.</translation>
    </message>
    <message>
        <source>Open a shift before taking payments: press F5 and count the float.</source>
        <translation>Open a shift before taking payments: press F5 and count the float.</translation>
    </message>
    <message>
        <source>No receipt printer is set up (back office F8, Settings). The receipt is shown on screen only.</source>
        <translation>No receipt printer is set up (back office F8, Settings). The receipt is shown on screen only.</translation>
    </message>
    <message>
        <source>The receipt printer did not answer: {detail}. The sale itself is saved.</source>
        <translation>The receipt printer did not answer: {detail}. The sale itself is saved.</translation>
    </message>
    <message>
        <source>The receipt printer is not connected: check its cable and power, then print again (P). The sale itself is saved.</source>
        <translation>The receipt printer is not connected: check its cable and power, then print again (P). The sale itself is saved.</translation>
    </message>
    <message>
        <source>The receipt printer is out of paper: put in a new roll, then print again (P). The sale itself is saved.</source>
        <translation>The receipt printer is out of paper: put in a new roll, then print again (P). The sale itself is saved.</translation>
    </message>
    <message>
        <source>The printer is not connected: check its cable, power and address ({detail}).</source>
        <translation>The printer is not connected: check its cable, power and address ({detail}).</translation>
    </message>
    <message>
        <source>The printer is out of paper: put in a new roll and try again.</source>
        <translation>The printer is out of paper: put in a new roll and try again.</translation>
    </message>
    <message>
        <source>The printer did not print: {detail}</source>
        <translation>The printer did not print: {detail}</translation>
    </message>
    <message>
        <source>Type the printer&apos;s address first, e.g. usb:0416:5011, network:192.168.1.87:9100, serial:/dev/ttyUSB0 or file:/dev/usb/lp0.</source>
        <translation>Type the printer&apos;s address first, e.g. usb:0416:5011, network:192.168.1.87:9100, serial:/dev/ttyUSB0 or file:/dev/usb/lp0.</translation>
    </message>
    <message>
        <source>That is not a printer address: {detail}</source>
        <translation>That is not a printer address: {detail}</translation>
    </message>
    <message>
        <source>No member was picked.</source>
        <translation>No member was picked.</translation>
    </message>
    <message>
        <source>Member {name} ({member_no}) is no longer at the counter.</source>
        <translation>Member {name} ({member_no}) is no longer at the counter.</translation>
    </message>
    <message>
        <source>Member {name} ({member_no}) is no longer at the counter: this sale is a walk-in sale.</source>
        <translation>Member {name} ({member_no}) is no longer at the counter: this sale is a walk-in sale.</translation>
    </message>
    <message>
        <source>Member {name} ({member_no}) stays on this sale (Esc takes the member off).</source>
        <translation>Member {name} ({member_no}) stays on this sale (Esc takes the member off).</translation>
    </message>
</context>
<context>
    <name>CounterTasks</name>
    <message>
        <source>Recharge</source>
        <translation>Recharge</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>New member</translation>
    </message>
    <message>
        <source>Lost card</source>
        <translation>Lost card</translation>
    </message>
    <message>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
    <message>
        <source>Member details</source>
        <translation>Member details</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>Gifts</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Give coupon</source>
        <translation>Give coupon</translation>
    </message>
    <message>
        <source>Count card</source>
        <translation>Count card</translation>
    </message>
    <message>
        <source>Find the member first: swipe the card or search above, then press {key}.</source>
        <translation>Find the member first: swipe the card or search above, then press {key}.</translation>
    </message>
</context>
<context>
    <name>CouponList</name>
    <message>
        <source>{name}: not for this sale ({why})</source>
        <translation>{name}: not for this sale ({why})</translation>
    </message>
    <message>
        <source>{name}: saves {saving}</source>
        <translation>{name}: saves {saving}</translation>
    </message>
</context>
<context>
    <name>CouponNotice</name>
    <message>
        <source>Coupon not used: {name} saves {saving} — {key}</source>
        <translation>Coupon not used: {name} saves {saving} — {key}</translation>
    </message>
    <message>
        <source>{count} coupons not used; best: {name} saves {saving} — {key}</source>
        <translation>{count} coupons not used; best: {name} saves {saving} — {key}</translation>
    </message>
</context>
<context>
    <name>CouponWords</name>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>CouponsTab</name>
    <message>
        <source>everything</source>
        <translation>everything</translation>
    </message>
    <message>
        <source>no end</source>
        <translation>no end</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>Coupon {name} ({code}) is added: pick it in the list to give it to a member.</source>
        <translation>Coupon {name} ({code}) is added: pick it in the list to give it to a member.</translation>
    </message>
    <message>
        <source>Coupon {name} can be given again.</source>
        <translation>Coupon {name} can be given again.</translation>
    </message>
    <message>
        <source>Coupon {name} is deactivated: coupons already given can no longer be used.</source>
        <translation>Coupon {name} is deactivated: coupons already given can no longer be used.</translation>
    </message>
    <message>
        <source>Pick a coupon in the list first.</source>
        <translation>Pick a coupon in the list first.</translation>
    </message>
    <message>
        <source>Type the member&apos;s phone, card or member number.</source>
        <translation>Type the member&apos;s phone, card or member number.</translation>
    </message>
    <message>
        <source>{count} × {coupon} given to {name} ({member_no}).</source>
        <translation>{count} × {coupon} given to {name} ({member_no}).</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Offer</translation>
    </message>
    <message>
        <source>Min. spend</source>
        <translation>Min. spend</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <source>Given / used</source>
        <translation>Given / used</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>New coupon</source>
        <translation>New coupon</translation>
    </message>
    <message>
        <source>&amp;Member</source>
        <translation>&amp;Member</translation>
    </message>
    <message>
        <source>Cou&amp;nt</source>
        <translation>Cou&amp;nt</translation>
    </message>
    <message>
        <source>whole phone number, card or member number</source>
        <translation>whole phone number, card or member number</translation>
    </message>
    <message>
        <source>Give</source>
        <translation>Give</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Amount</translation>
    </message>
    <message>
        <source>Share &amp;paid</source>
        <translation>Share &amp;paid</translation>
    </message>
    <message>
        <source>At most &amp;off</source>
        <translation>At most &amp;off</translation>
    </message>
    <message>
        <source>Min. &amp;spend</source>
        <translation>Min. &amp;spend</translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation>&amp;For</translation>
    </message>
    <message>
        <source>&amp;Days valid</source>
        <translation>&amp;Days valid</translation>
    </message>
    <message>
        <source>F&amp;rom</source>
        <translation>F&amp;rom</translation>
    </message>
    <message>
        <source>U&amp;ntil</source>
        <translation>U&amp;ntil</translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation>&amp;Hours</translation>
    </message>
    <message>
        <source>Per &amp;member</source>
        <translation>Per &amp;member</translation>
    </message>
    <message>
        <source>In a&amp;ll</source>
        <translation>In a&amp;ll</translation>
    </message>
    <message>
        <source>With other coupons</source>
        <translation>With other coupons</translation>
    </message>
    <message>
        <source>e.g. OFF5</source>
        <translation>e.g. OFF5</translation>
    </message>
    <message>
        <source>The amount off, or the item&apos;s fixed price</source>
        <translation>The amount off, or the item&apos;s fixed price</translation>
    </message>
    <message>
        <source>empty: everything; or category / product codes</source>
        <translation>empty: everything; or category / product codes</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Add the coupon</source>
        <translation>Add the coupon</translation>
    </message>
    <message>
        <source>New coupon (Ctrl+N)</source>
        <translation>New coupon (Ctrl+N)</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Back to the list</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>MemberDesk: unexpected error</source>
        <translation>MemberDesk: unexpected error</translation>
    </message>
    <message>
        <source>Sorry, MemberDesk ran into an unexpected problem.</source>
        <translation>Sorry, MemberDesk ran into an unexpected problem.</translation>
    </message>
    <message>
        <source>Every sale and top-up is saved whole or not at all, so finished work is safe. The details were written to the log file:
{path}
Please send this file to your support contact.</source>
        <translation>Every sale and top-up is saved whole or not at all, so finished work is safe. The details were written to the log file:
{path}
Please send this file to your support contact.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Quit MemberDesk</source>
        <translation>Quit MemberDesk</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>DailyJobsPage</name>
    <message>
        <source>Points expiry</source>
        <translation>Points expiry</translation>
    </message>
    <message>
        <source>Tier evaluation</source>
        <translation>Tier evaluation</translation>
    </message>
    <message>
        <source>Birthday gifts</source>
        <translation>Birthday gifts</translation>
    </message>
    <message>
        <source>Count card expiry</source>
        <translation>Count card expiry</translation>
    </message>
    <message>
        <source>Member analytics</source>
        <translation>Member analytics</translation>
    </message>
    <message>
        <source>Text messages</source>
        <translation>Text messages</translation>
    </message>
    <message>
        <source>Wait until the export or backup finishes.</source>
        <translation>Wait until the export or backup finishes.</translation>
    </message>
    <message>
        <source>Running the daily jobs due…</source>
        <translation>Running the daily jobs due…</translation>
    </message>
    <message>
        <source>Done: the jobs of {days} day(s) ran.</source>
        <translation>Done: the jobs of {days} day(s) ran.</translation>
    </message>
    <message>
        <source>Nothing was due.</source>
        <translation>Nothing was due.</translation>
    </message>
    <message>
        <source>{points} points of {members} members expired</source>
        <translation>{points} points of {members} members expired</translation>
    </message>
    <message>
        <source>{up} up, {down} down, {renewed} renewed</source>
        <translation>{up} up, {down} down, {renewed} renewed</translation>
    </message>
    <message>
        <source>{members} gifts: {points} points, {coupons} coupons</source>
        <translation>{members} gifts: {points} points, {coupons} coupons</translation>
    </message>
    <message>
        <source>{cards} count cards expired, {uses} uses</source>
        <translation>{cards} count cards expired, {uses} uses</translation>
    </message>
    <message>
        <source>not needed for a past day (only the last day is scored)</source>
        <translation>not needed for a past day (only the last day is scored)</translation>
    </message>
    <message>
        <source>{scored} of {members} members scored, {churn} churn warnings</source>
        <translation>{scored} of {members} members scored, {churn} churn warnings</translation>
    </message>
    <message>
        <source>{reminders} expiry reminders written, {sent} messages sent</source>
        <translation>{reminders} expiry reminders written, {sent} messages sent</translation>
    </message>
    <message>
        <source>Daily jobs</source>
        <translation>Daily jobs</translation>
    </message>
    <message>
        <source>Run due jobs now</source>
        <translation>Run due jobs now</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Last run for</source>
        <translation>Last run for</translation>
    </message>
    <message>
        <source>What it did</source>
        <translation>What it did</translation>
    </message>
    <message>
        <source>Days due</source>
        <translation>Days due</translation>
    </message>
    <message>
        <source>Shop today: {day}. The jobs run by themselves at start-up, every 10 minutes and after the day close; each runs once for each business date.</source>
        <translation>Shop today: {day}. The jobs run by themselves at start-up, every 10 minutes and after the day close; each runs once for each business date.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>DayClosePage</name>
    <message>
        <source>Shift {number} of {name} is closed for them.</source>
        <translation>Shift {number} of {name} is closed for them.</translation>
    </message>
    <message>
        <source>Sign-ins · points</source>
        <translation>Sign-ins · points</translation>
    </message>
    <message>
        <source>Gifts redeemed · points</source>
        <translation>Gifts redeemed · points</translation>
    </message>
    <message>
        <source>Referral points given · taken back</source>
        <translation>Referral points given · taken back</translation>
    </message>
    <message>
        <source>Points expired</source>
        <translation>Points expired</translation>
    </message>
    <message>
        <source>Tier changes</source>
        <translation>Tier changes</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>Loyalty</translation>
    </message>
    <message>
        <source>{date} is closed already (report No. {number}).</source>
        <translation>{date} is closed already (report No. {number}).</translation>
    </message>
    <message>
        <source>Closing seals {date}: its report gets a number and never changes; later corrections go into the next close. Press &quot;Close the day&quot; again to confirm.</source>
        <translation>Closing seals {date}: its report gets a number and never changes; later corrections go into the next close. Press &quot;Close the day&quot; again to confirm.</translation>
    </message>
    <message>
        <source>{date} is closed: report No. {number}.</source>
        <translation>{date} is closed: report No. {number}.</translation>
    </message>
    <message>
        <source>Backed up to {path}.</source>
        <translation>Backed up to {path}.</translation>
    </message>
    <message>
        <source>The automatic backup failed: {problem}</source>
        <translation>The automatic backup failed: {problem}</translation>
    </message>
    <message>
        <source>Report No. {number} (closed)</source>
        <translation>Report No. {number} (closed)</translation>
    </message>
    <message>
        <source>Preview: the day is not closed yet</source>
        <translation>Preview: the day is not closed yet</translation>
    </message>
    <message>
        <source>Discounts</source>
        <translation>Discounts</translation>
    </message>
    <message>
        <source>Sales before refunds</source>
        <translation>Sales before refunds</translation>
    </message>
    <message>
        <source>{date} is sealed: report No. {number}, closed at {when}. The next business day can be closed once it has begun.</source>
        <translation>{date} is sealed: report No. {number}, closed at {when}. The next business day can be closed once it has begun.</translation>
    </message>
    <message>
        <source>Sale refunds</source>
        <translation>Sale refunds</translation>
    </message>
    <message>
        <source>Net sales (sales - refunds)</source>
        <translation>Net sales (sales - refunds)</translation>
    </message>
    <message>
        <source>Recharges</source>
        <translation>Recharges</translation>
    </message>
    <message>
        <source>Recharge bonus</source>
        <translation>Recharge bonus</translation>
    </message>
    <message>
        <source>Recharge refunds</source>
        <translation>Recharge refunds</translation>
    </message>
    <message>
        <source>Stored value owed</source>
        <translation>Stored value owed</translation>
    </message>
    <message>
        <source>Points outstanding</source>
        <translation>Points outstanding</translation>
    </message>
    <message>
        <source>Count card uses left · deferred value</source>
        <translation>Count card uses left · deferred value</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>New members</translation>
    </message>
    <message>
        <source>Takings</source>
        <translation>Takings</translation>
    </message>
    <message>
        <source>The day</source>
        <translation>The day</translation>
    </message>
    <message>
        <source>Takings by method</source>
        <translation>Takings by method</translation>
    </message>
    <message>
        <source>Day close</source>
        <translation>Day close</translation>
    </message>
    <message>
        <source>Business &amp;date</source>
        <translation>Business &amp;date</translation>
    </message>
    <message>
        <source>The day before</source>
        <translation>The day before</translation>
    </message>
    <message>
        <source>The day after</source>
        <translation>The day after</translation>
    </message>
    <message>
        <source>Show (Enter)</source>
        <translation>Show (Enter)</translation>
    </message>
    <message>
        <source>Close the day</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <source>{date} is the current business day: the next day can be shown once it has begun.</source>
        <translation>{date} is the current business day: the next day can be shown once it has begun.</translation>
    </message>
    <message>
        <source>{date} was closed at {when} (report No. {number}) and cannot be closed again; sales, refunds and recharges made since then go into the next close, which you can make here once {next} has begun.</source>
        <translation>{date} was closed at {when} (report No. {number}) and cannot be closed again; sales, refunds and recharges made since then go into the next close, which you can make here once {next} has begun.</translation>
    </message>
    <message>
        <source>{date} was closed at {when} (report No. {number}) and cannot be closed again; sales, refunds and recharges made after that went into the next close.</source>
        <translation>{date} was closed at {when} (report No. {number}) and cannot be closed again; sales, refunds and recharges made after that went into the next close.</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <source>Type a new price, like 8.50.</source>
        <translation>Type a new price, like 8.50.</translation>
    </message>
    <message>
        <source>Type an amount (5 or 5.50) or a percent (10%).</source>
        <translation>Type an amount (5 or 5.50) or a percent (10%).</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Discount or new price</source>
        <translation>Discount or new price</translation>
    </message>
    <message>
        <source>Item discount (F1)</source>
        <translation>Item discount (F1)</translation>
    </message>
    <message>
        <source>Order discount (F2)</source>
        <translation>Order discount (F2)</translation>
    </message>
    <message>
        <source>New price (F3)</source>
        <translation>New price (F3)</translation>
    </message>
    <message>
        <source>The whole order</source>
        <translation>The whole order</translation>
    </message>
    <message>
        <source>{item}, price {price}</source>
        <translation>{item}, price {price}</translation>
    </message>
    <message>
        <source>New unit price</source>
        <translation>New unit price</translation>
    </message>
    <message>
        <source>5.00 or 10%</source>
        <translation>5.00 or 10%</translation>
    </message>
    <message>
        <source>Empty removes the new price. Above your limit a manager approves.</source>
        <translation>Empty removes the new price. Above your limit a manager approves.</translation>
    </message>
    <message>
        <source>Empty or 0 removes it. Above your limit a manager approves.</source>
        <translation>Empty or 0 removes it. Above your limit a manager approves.</translation>
    </message>
    <message>
        <source>Apply (Enter)</source>
        <translation>Apply (Enter)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>Back (Esc)</translation>
    </message>
</context>
<context>
    <name>DiscountKeys</name>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Order discount</source>
        <translation>Order discount</translation>
    </message>
    <message>
        <source>New price</source>
        <translation>New price</translation>
    </message>
    <message>
        <source>Manual discount {amount}</source>
        <translation>Manual discount {amount}</translation>
    </message>
</context>
<context>
    <name>Discounts</name>
    <message>
        <source>Member price</source>
        <translation>Member price</translation>
    </message>
    <message>
        <source>{tier} discount</source>
        <translation>{tier} discount</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <source>Manual discount</source>
        <translation>Manual discount</translation>
    </message>
</context>
<context>
    <name>EarnText</name>
    <message>
        <source>category rates</source>
        <translation>category rates</translation>
    </message>
    <message>
        <source>{n} per yuan</source>
        <translation>{n} per yuan</translation>
    </message>
    <message>
        <source>{m}</source>
        <translation>{m}</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>birthday</translation>
    </message>
    <message>
        <source>{figures}, for {sources}</source>
        <translation>{figures}, for {sources}</translation>
    </message>
    <message>
        <source>{figures}; some items earn less</source>
        <translation>{figures}; some items earn less</translation>
    </message>
    <message>
        <source>{figures}; some items earn more</source>
        <translation>{figures}; some items earn more</translation>
    </message>
    <message>
        <source>{figures}; some items earn more, some less</source>
        <translation>{figures}; some items earn more, some less</translation>
    </message>
    <message>
        <source>Points +{points} ({why})</source>
        <translation>Points +{points} ({why})</translation>
    </message>
</context>
<context>
    <name>ExportPanel</name>
    <message>
        <source>Export to which folder?</source>
        <translation>Export to which folder?</translation>
    </message>
    <message>
        <source>the shop&apos;s exports folder</source>
        <translation>the shop&apos;s exports folder</translation>
    </message>
    <message>
        <source>Files go to {folder}.</source>
        <translation>Files go to {folder}.</translation>
    </message>
    <message>
        <source>Tick Excel, PDF or both.</source>
        <translation>Tick Excel, PDF or both.</translation>
    </message>
    <message>
        <source>Exporting… you can keep working at the counter.</source>
        <translation>Exporting… you can keep working at the counter.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Written: {files}</source>
        <translation>Written: {files}</translation>
    </message>
    <message>
        <source>E&amp;xcel</source>
        <translation>E&amp;xcel</translation>
    </message>
    <message>
        <source>P&amp;DF</source>
        <translation>P&amp;DF</translation>
    </message>
    <message>
        <source>Export (Ctrl+E)</source>
        <translation>Export (Ctrl+E)</translation>
    </message>
    <message>
        <source>Print… (Ctrl+P)</source>
        <translation>Print… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Cancel export</translation>
    </message>
</context>
<context>
    <name>GiftForm</name>
    <message>
        <source>Type the amount a sale must reach in yuan, e.g. 100.</source>
        <translation>Type the amount a sale must reach in yuan, e.g. 100.</translation>
    </message>
    <message>
        <source>Type the gift&apos;s code or barcode.</source>
        <translation>Type the gift&apos;s code or barcode.</translation>
    </message>
    <message>
        <source>Type how many the customer gets: 1 or more.</source>
        <translation>Type how many the customer gets: 1 or more.</translation>
    </message>
    <message>
        <source>Type the time as YYYY-MM-DD HH:MM (shop time).</source>
        <translation>Type the time as YYYY-MM-DD HH:MM (shop time).</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>&amp;Spend at least</source>
        <translation>&amp;Spend at least</translation>
    </message>
    <message>
        <source>&amp;Gift (code)</source>
        <translation>&amp;Gift (code)</translation>
    </message>
    <message>
        <source>&amp;Qty</source>
        <translation>&amp;Qty</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;To (not included)</source>
        <translation>&amp;To (not included)</translation>
    </message>
    <message>
        <source>T&amp;ier</source>
        <translation>T&amp;ier</translation>
    </message>
</context>
<context>
    <name>IssueCouponDialog</name>
    <message>
        <source>There are no active coupons. The owner adds them on the rules page of the back office.</source>
        <translation>There are no active coupons. The owner adds them on the rules page of the back office.</translation>
    </message>
    <message>
        <source>Coupon {name} for {member}</source>
        <translation>Coupon {name} for {member}</translation>
    </message>
    <message>
        <source>{coupon} given to {member} (code {code}), valid until {day}.</source>
        <translation>{coupon} given to {member} (code {code}), valid until {day}.</translation>
    </message>
    <message>
        <source>Coupons given so far: {count}. Enter gives another one; Esc when done.</source>
        <translation>Coupons given so far: {count}. Enter gives another one; Esc when done.</translation>
    </message>
    <message>
        <source>Give a coupon</source>
        <translation>Give a coupon</translation>
    </message>
    <message>
        <source>Give a coupon to {name} ({member_no})</source>
        <translation>Give a coupon to {name} ({member_no})</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Gives</source>
        <translation>Gives</translation>
    </message>
    <message>
        <source>Min. spend</source>
        <translation>Min. spend</translation>
    </message>
    <message>
        <source>Give (Enter)</source>
        <translation>Give (Enter)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>Stored value</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>Reported lost</source>
        <translation>Reported lost</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Void</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>{shop} — MemberDesk staff login</source>
        <translation>{shop} — MemberDesk staff login</translation>
    </message>
    <message>
        <source>Opening the shop data…</source>
        <translation>Opening the shop data…</translation>
    </message>
    <message>
        <source>Staff login</source>
        <translation>Staff login</translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation>&amp;Staff</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Type your password, then press Enter</source>
        <translation>Type your password, then press Enter</translation>
    </message>
    <message>
        <source>Log in (Enter)</source>
        <translation>Log in (Enter)</translation>
    </message>
    <message>
        <source>Switch language (Ctrl+Shift+L)</source>
        <translation>Switch language (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Quit (Ctrl+Q)</source>
        <translation>Quit (Ctrl+Q)</translation>
    </message>
    <message>
        <source>The server cannot be reached: offline log-in (staff who logged in on this till before), walk-in cash sales only.</source>
        <translation>The server cannot be reached: offline log-in (staff who logged in on this till before), walk-in cash sales only.</translation>
    </message>
    <message>
        <source>Choose a staff member</source>
        <translation>Choose a staff member</translation>
    </message>
    <message>
        <source>Type your password</source>
        <translation>Type your password</translation>
    </message>
    <message>
        <source>{name} logged out; shift {number} is still open. Log in again to carry on with it; before leaving, log in and press F5 to close it (count the cash).</source>
        <translation>{name} logged out; shift {number} is still open. Log in again to carry on with it; before leaving, log in and press F5 to close it (count the cash).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{shop} — MemberDesk counter</source>
        <translation>{shop} — MemberDesk counter</translation>
    </message>
    <message>
        <source>&amp;Find member</source>
        <translation>&amp;Find member</translation>
    </message>
    <message>
        <source>Swipe a card or type a phone, its last 4 digits, member no. or initials</source>
        <translation>Swipe a card or type a phone, its last 4 digits, member no. or initials</translation>
    </message>
    <message>
        <source>Find member</source>
        <translation>Find member</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MallPage</name>
    <message>
        <source>not tracked</source>
        <translation>not tracked</translation>
    </message>
    <message>
        <source>On the shelf</source>
        <translation>On the shelf</translation>
    </message>
    <message>
        <source>Off the shelf</source>
        <translation>Off the shelf</translation>
    </message>
    <message>
        <source>Take off the shelf</source>
        <translation>Take off the shelf</translation>
    </message>
    <message>
        <source>Put on the shelf</source>
        <translation>Put on the shelf</translation>
    </message>
    <message>
        <source>Type the product&apos;s code.</source>
        <translation>Type the product&apos;s code.</translation>
    </message>
    <message>
        <source>Type the points price: a whole number above 0.</source>
        <translation>Type the points price: a whole number above 0.</translation>
    </message>
    <message numerus="yes">
        <source>Saved: {gift} for %Ln point(s).</source>
        <translation>
            <numerusform>Saved: {gift} for %Ln point.</numerusform>
            <numerusform>Saved: {gift} for %Ln points.</numerusform>
        </translation>
    </message>
    <message>
        <source>{gift} is on the shelf.</source>
        <translation>{gift} is on the shelf.</translation>
    </message>
    <message>
        <source>{gift} is off the shelf.</source>
        <translation>{gift} is off the shelf.</translation>
    </message>
    <message>
        <source>Type the redemption&apos;s number.</source>
        <translation>Type the redemption&apos;s number.</translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation>Give the reason.</translation>
    </message>
    <message>
        <source>Reversed {number}: {points} points back to {member}, {gift} back in stock.</source>
        <translation>Reversed {number}: {points} points back to {member}, {gift} back in stock.</translation>
    </message>
    <message>
        <source>Exporting the redemption report…</source>
        <translation>Exporting the redemption report…</translation>
    </message>
    <message>
        <source>Written: {files}</source>
        <translation>Written: {files}</translation>
    </message>
    <message>
        <source>Points mall</source>
        <translation>Points mall</translation>
    </message>
    <message>
        <source>A gift is a product with a points price. Receive and count gifts on the Stock page; the counter redeems them with Shift+F2.</source>
        <translation>A gift is a product with a points price. Receive and count gifts on the Stock page; the counter redeems them with Shift+F2.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>Shelf</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>In stock</translation>
    </message>
    <message>
        <source>Product &amp;code</source>
        <translation>Product &amp;code</translation>
    </message>
    <message>
        <source>&amp;Points price</source>
        <translation>&amp;Points price</translation>
    </message>
    <message>
        <source>Save gift</source>
        <translation>Save gift</translation>
    </message>
    <message>
        <source>Export redemptions</source>
        <translation>Export redemptions</translation>
    </message>
    <message>
        <source>Reverse a redemption (manager)</source>
        <translation>Reverse a redemption (manager)</translation>
    </message>
    <message>
        <source>Redemption &amp;No.</source>
        <translation>Redemption &amp;No.</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Reverse</translation>
    </message>
</context>
<context>
    <name>MemberActions</name>
    <message>
        <source>Type a day as 2026-01-31, or leave it empty.</source>
        <translation>Type a day as 2026-01-31, or leave it empty.</translation>
    </message>
    <message>
        <source>Type the reason first: it goes into the audit log with the action.</source>
        <translation>Type the reason first: it goes into the audit log with the action.</translation>
    </message>
    <message>
        <source>Type the amount to add (or -amount to take away).</source>
        <translation>Type the amount to add (or -amount to take away).</translation>
    </message>
    <message>
        <source>Stored value adjusted: the balance is now {amount}.</source>
        <translation>Stored value adjusted: the balance is now {amount}.</translation>
    </message>
    <message>
        <source>Type the points to give (or -points to take away).</source>
        <translation>Type the points to give (or -points to take away).</translation>
    </message>
    <message>
        <source>Points adjusted: the balance is now {points}.</source>
        <translation>Points adjusted: the balance is now {points}.</translation>
    </message>
    <message>
        <source>Let the member type the new payment password (4 to 6 digits).</source>
        <translation>Let the member type the new payment password (4 to 6 digits).</translation>
    </message>
    <message>
        <source>The payment password is set.</source>
        <translation>The payment password is set.</translation>
    </message>
    <message>
        <source>The payment password is removed.</source>
        <translation>The payment password is removed.</translation>
    </message>
    <message>
        <source>The member is active again.</source>
        <translation>The member is active again.</translation>
    </message>
    <message>
        <source>The member is deactivated.</source>
        <translation>The member is deactivated.</translation>
    </message>
    <message>
        <source>Press &quot;Anonymise&quot; again to wipe this member&apos;s personal data for good.</source>
        <translation>Press &quot;Anonymise&quot; again to wipe this member&apos;s personal data for good.</translation>
    </message>
    <message>
        <source>The member&apos;s personal data is wiped; the member number, ledgers and sales stay.</source>
        <translation>The member&apos;s personal data is wiped; the member number, ledgers and sales stay.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Anonymise — press again to confirm</source>
        <translation>Anonymise — press again to confirm</translation>
    </message>
    <message>
        <source>Anonymise…</source>
        <translation>Anonymise…</translation>
    </message>
    <message>
        <source>set</source>
        <translation>set</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>Payment &amp;password ({state})</source>
        <translation>Payment &amp;password ({state})</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>required for every action below; written to the audit log</source>
        <translation>required for every action below; written to the audit log</translation>
    </message>
    <message>
        <source>&amp;Stored value</source>
        <translation>&amp;Stored value</translation>
    </message>
    <message>
        <source>P&amp;oints</source>
        <translation>P&amp;oints</translation>
    </message>
    <message>
        <source>paid part (本金)</source>
        <translation>paid part (本金)</translation>
    </message>
    <message>
        <source>bonus part (赠送)</source>
        <translation>bonus part (赠送)</translation>
    </message>
    <message>
        <source>Adjust stored value</source>
        <translation>Adjust stored value</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>Adjust points</translation>
    </message>
    <message>
        <source>4–6 digits</source>
        <translation>4–6 digits</translation>
    </message>
    <message>
        <source>The member types the password; nobody else sees it.</source>
        <translation>The member types the password; nobody else sees it.</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Set password</translation>
    </message>
    <message>
        <source>Remove password</source>
        <translation>Remove password</translation>
    </message>
    <message>
        <source>Anonymising (owner only) wipes the name, phone, birthday, email, address, tags, notes and payment password and voids the cards. Kept: the member number, tier, points, every stored-value and points entry and every sale. Stored value must be refunded first.</source>
        <translation>Anonymising (owner only) wipes the name, phone, birthday, email, address, tags, notes and payment password and voids the cards. Kept: the member number, tier, points, every stored-value and points entry and every sale. Stored value must be refunded first.</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Member no. and phone</source>
        <translation>Member no. and phone</translation>
    </message>
    <message>
        <source>principal {principal}</source>
        <translation>principal {principal}</translation>
    </message>
    <message>
        <source>bonus {bonus}</source>
        <translation>bonus {bonus}</translation>
    </message>
    <message>
        <source>Stored value pays {order}</source>
        <translation>Stored value pays {order}</translation>
    </message>
    <message>
        <source>{points} expire in {days} days</source>
        <translation>{points} expire in {days} days</translation>
    </message>
    <message>
        <source>none expire in {days} days</source>
        <translation>none expire in {days} days</translation>
    </message>
    <message>
        <source>{count} usable</source>
        <translation>{count} usable</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>Notes: {notes}</translation>
    </message>
    <message>
        <source>{grade} · {stage}</source>
        <translation>{grade} · {stage}</translation>
    </message>
    <message>
        <source>Value grade {grade}, {stage}: member analytics as of {day}</source>
        <translation>Value grade {grade}, {stage}: member analytics as of {day}</translation>
    </message>
    <message>
        <source>Churn warning: {reason}</source>
        <translation>Churn warning: {reason}</translation>
    </message>
    <message>
        <source>Birthday today!</source>
        <translation>Birthday today!</translation>
    </message>
    <message>
        <source>{points} points expire on {day}</source>
        <translation>{points} points expire on {day}</translation>
    </message>
    <message>
        <source>Upgraded to {tier} on {day}</source>
        <translation>Upgraded to {tier} on {day}</translation>
    </message>
    <message>
        <source>Moved down to {tier} on {day}</source>
        <translation>Moved down to {tier} on {day}</translation>
    </message>
    <message>
        <source>Birthday gift on {day}: {points} points and a coupon</source>
        <translation>Birthday gift on {day}: {points} points and a coupon</translation>
    </message>
    <message>
        <source>Birthday gift on {day}: {points} points</source>
        <translation>Birthday gift on {day}: {points} points</translation>
    </message>
    <message>
        <source>Birthday gift on {day}: a coupon</source>
        <translation>Birthday gift on {day}: a coupon</translation>
    </message>
    <message>
        <source>Signed in today</source>
        <translation>Signed in today</translation>
    </message>
    <message>
        <source>Birthday soon: {day}</source>
        <translation>Birthday soon: {day}</translation>
    </message>
    <message>
        <source>Birthday this month: {day}</source>
        <translation>Birthday this month: {day}</translation>
    </message>
    <message>
        <source>This member is deactivated.</source>
        <translation>This member is deactivated.</translation>
    </message>
</context>
<context>
    <name>MemberDayForm</name>
    <message>
        <source>Type the date as YYYY-MM-DD.</source>
        <translation>Type the date as YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Type what members pay: 10 to 100 (% of the price).</source>
        <translation>Type what members pay: 10 to 100 (% of the price).</translation>
    </message>
    <message>
        <source>Type the points multiplier: 1 to 10.</source>
        <translation>Type the points multiplier: 1 to 10.</translation>
    </message>
    <message>
        <source>Type the days the result is measured over.</source>
        <translation>Type the days the result is measured over.</translation>
    </message>
    <message>
        <source>On a date</source>
        <translation>On a date</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>Da&amp;y</source>
        <translation>Da&amp;y</translation>
    </message>
    <message>
        <source>Da&amp;te</source>
        <translation>Da&amp;te</translation>
    </message>
    <message>
        <source>&amp;Pay %</source>
        <translation>&amp;Pay %</translation>
    </message>
    <message>
        <source>Poin&amp;ts ×</source>
        <translation>Poin&amp;ts ×</translation>
    </message>
    <message>
        <source>T&amp;ier</source>
        <translation>T&amp;ier</translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation>&amp;Days</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>The profile is saved.</source>
        <translation>The profile is saved.</translation>
    </message>
    <message>
        <source>Type the reason for the change.</source>
        <translation>Type the reason for the change.</translation>
    </message>
    <message>
        <source>The tier is now {tier}.</source>
        <translation>The tier is now {tier}.</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>lost</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>replaced</translation>
    </message>
    <message>
        <source>void</source>
        <translation>void</translation>
    </message>
    <message>
        <source>usable</source>
        <translation>usable</translation>
    </message>
    <message>
        <source>used</source>
        <translation>used</translation>
    </message>
    <message>
        <source> (deactivated)</source>
        <translation> (deactivated)</translation>
    </message>
    <message>
        <source> (anonymised)</source>
        <translation> (anonymised)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Phone {phone} · tier {tier} · stored value {sv} (paid {principal}, bonus {bonus}) · points {points} · visits {visits}, last {visit} · spent {spent}</source>
        <translation>Phone {phone} · tier {tier} · stored value {sv} (paid {principal}, bonus {bonus}) · points {points} · visits {visits}, last {visit} · spent {spent}</translation>
    </message>
    <message>
        <source>, locked until {day}</source>
        <translation>, locked until {day}</translation>
    </message>
    <message>
        <source>Tier now: {tier}{lock}.</source>
        <translation>Tier now: {tier}{lock}.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>Stored value</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Purchases</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Cards and coupons</source>
        <translation>Cards and coupons</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>&amp;Birthday</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>&amp;Email</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>A&amp;ddress</translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>comma between tags: VIP,常客</source>
        <translation>comma between tags: VIP,常客</translation>
    </message>
    <message>
        <source>Enter moves to the next field and saves in the last one. Changes are written to the audit log.</source>
        <translation>Enter moves to the next field and saves in the last one. Changes are written to the audit log.</translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation>Save the profile</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>New tier</source>
        <translation>New tier</translation>
    </message>
    <message>
        <source>Locked until (optional)</source>
        <translation>Locked until (optional)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Change the tier</source>
        <translation>Change the tier</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>Tier history</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Reason — by</source>
        <translation>Reason — by</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>Bound</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
</context>
<context>
    <name>MemberEditDialog</name>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Type the birthday as YYYY-MM-DD, e.g. 1988-05-20.</source>
        <translation>Type the birthday as YYYY-MM-DD, e.g. 1988-05-20.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Member details</source>
        <translation>Member details</translation>
    </message>
    <message>
        <source>Details of {name} ({member_no})</source>
        <translation>Details of {name} ({member_no})</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>&amp;Mobile</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>&amp;Gender</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>&amp;Birthday</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>{phone} — type a new number to change it</source>
        <translation>{phone} — type a new number to change it</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Agrees to receive offers (SMS, WeChat)</source>
        <translation>Agrees to receive offers (SMS, WeChat)</translation>
    </message>
    <message>
        <source>Unsubscribed from offer texts (replied R / 退订)</source>
        <translation>Unsubscribed from offer texts (replied R / 退订)</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>Done (Enter)</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
</context>
<context>
    <name>MemberFilterBox</name>
    <message>
        <source>Type a day as 2026-01-31, or leave it empty.</source>
        <translation>Type a day as 2026-01-31, or leave it empty.</translation>
    </message>
    <message>
        <source>Type a whole number from 1 to {high}, or leave it empty.</source>
        <translation>Type a whole number from 1 to {high}, or leave it empty.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation>&amp;Tier</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>T&amp;ag</source>
        <translation>T&amp;ag</translation>
    </message>
    <message>
        <source>Birthday &amp;month</source>
        <translation>Birthday &amp;month</translation>
    </message>
    <message>
        <source>Visite&amp;d from</source>
        <translation>Visite&amp;d from</translation>
    </message>
    <message>
        <source>Not visited &amp;since</source>
        <translation>Not visited &amp;since</translation>
    </message>
    <message>
        <source>Stored &amp;value above</source>
        <translation>Stored &amp;value above</translation>
    </message>
    <message>
        <source>Value g&amp;rade</source>
        <translation>Value g&amp;rade</translation>
    </message>
    <message>
        <source>Lifec&amp;ycle</source>
        <translation>Lifec&amp;ycle</translation>
    </message>
    <message>
        <source>&amp;Customer group (RFM)</source>
        <translation>&amp;Customer group (RFM)</translation>
    </message>
    <message>
        <source>C&amp;hurn warning</source>
        <translation>C&amp;hurn warning</translation>
    </message>
    <message>
        <source>Joined &amp;from</source>
        <translation>Joined &amp;from</translation>
    </message>
    <message>
        <source>Joined &amp;before</source>
        <translation>Joined &amp;before</translation>
    </message>
    <message>
        <source>&amp;Window (days)</source>
        <translation>&amp;Window (days)</translation>
    </message>
    <message>
        <source>V&amp;isits at least</source>
        <translation>V&amp;isits at least</translation>
    </message>
    <message>
        <source>S&amp;pent at least</source>
        <translation>S&amp;pent at least</translation>
    </message>
    <message>
        <source>Stored va&amp;lue up to</source>
        <translation>Stored va&amp;lue up to</translation>
    </message>
    <message>
        <source>Points e&amp;xpire in (days)</source>
        <translation>Points e&amp;xpire in (days)</translation>
    </message>
    <message>
        <source>Members grouped by how recently (R), how often (F) and how much (M) they buy: loyal customers, new ones, ones to win back…</source>
        <translation>Members grouped by how recently (R), how often (F) and how much (M) they buy: loyal customers, new ones, ones to win back…</translation>
    </message>
    <message>
        <source>with a warning</source>
        <translation>with a warning</translation>
    </message>
    <message>
        <source>without</source>
        <translation>without</translation>
    </message>
    <message>
        <source>Active and deactivated</source>
        <translation>Active and deactivated</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>Anonymised</source>
        <translation>Anonymised</translation>
    </message>
    <message>
        <source>e.g. VIP</source>
        <translation>e.g. VIP</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
</context>
<context>
    <name>MemberHistory</name>
    <message>
        <source> (refunded {n})</source>
        <translation> (refunded {n})</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>opening</translation>
    </message>
    <message>
        <source>recharge</source>
        <translation>recharge</translation>
    </message>
    <message>
        <source>spent</source>
        <translation>spent</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>refund</translation>
    </message>
    <message>
        <source>recharge refund</source>
        <translation>recharge refund</translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation>adjustment</translation>
    </message>
    <message>
        <source>earned</source>
        <translation>earned</translation>
    </message>
    <message>
        <source>bonus</source>
        <translation>bonus</translation>
    </message>
    <message>
        <source>redeemed</source>
        <translation>redeemed</translation>
    </message>
    <message>
        <source>redeemed, returned</source>
        <translation>redeemed, returned</translation>
    </message>
    <message>
        <source>earned, reversed</source>
        <translation>earned, reversed</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <source>partly refunded</source>
        <translation>partly refunded</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Paid part</source>
        <translation>Paid part</translation>
    </message>
    <message>
        <source>Bonus part</source>
        <translation>Bonus part</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Balance after</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Sale / item</source>
        <translation>Sale / item</translation>
    </message>
    <message>
        <source>State / qty</source>
        <translation>State / qty</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Older…</source>
        <translation>Older…</translation>
    </message>
</context>
<context>
    <name>MemberListPanel</name>
    <message>
        <source>Filt&amp;ers ({count})</source>
        <translation>Filt&amp;ers ({count})</translation>
    </message>
    <message>
        <source>Filt&amp;ers</source>
        <translation>Filt&amp;ers</translation>
    </message>
    <message>
        <source>Hide the filters</source>
        <translation>Hide the filters</translation>
    </message>
    <message>
        <source>Show the filters (tier, state, tag, birthday month, visits, stored value, analysis)</source>
        <translation>Show the filters (tier, state, tag, birthday month, visits, stored value, analysis)</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>{count} found</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>{count} shown, scroll for more</source>
        <translation>{count} shown, scroll for more</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>No member matches</source>
        <translation>No member matches</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>S&amp;ort</source>
        <translation>S&amp;ort</translation>
    </message>
    <message>
        <source>phone, last 4, name, card or member no.</source>
        <translation>phone, last 4, name, card or member no.</translation>
    </message>
    <message>
        <source>phone, last 4 digits, name, pinyin initials (zs), card or member no.</source>
        <translation>phone, last 4 digits, name, pinyin initials (zs), card or member no.</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Last visit, newest first</source>
        <translation>Last visit, newest first</translation>
    </message>
    <message>
        <source>Stored value, most first</source>
        <translation>Stored value, most first</translation>
    </message>
    <message>
        <source>Points, most first</source>
        <translation>Points, most first</translation>
    </message>
    <message numerus="yes">
        <source>Nothing found (%n filter(s) in use — {keys} to see them)</source>
        <translation>
            <numerusform>Nothing found (%n filter in use — {keys} to see it)</numerusform>
            <numerusform>Nothing found (%n filters in use — {keys} to see them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No members match (%n filter(s) in use — {keys} to see them)</source>
        <translation>
            <numerusform>No members match (%n filter in use — {keys} to see it)</numerusform>
            <numerusform>No members match (%n filters in use — {keys} to see them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing found (%n filter(s) in use)</source>
        <translation>
            <numerusform>Nothing found (%n filter in use)</numerusform>
            <numerusform>Nothing found (%n filters in use)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No members match (%n filter(s) in use)</source>
        <translation>
            <numerusform>No members match (%n filter in use)</numerusform>
            <numerusform>No members match (%n filters in use)</numerusform>
        </translation>
    </message>
    <message>
        <source>{status}. Enter opens the member.</source>
        <translation>{status}. Enter opens the member.</translation>
    </message>
</context>
<context>
    <name>MemberModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Last visit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>Anonymised</source>
        <translation>Anonymised</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>The member tier (e.g. 普通会员, 金卡会员): it sets member prices, discounts and points. The loyalty rules move it; a manager can change it.</source>
        <translation>The member tier (e.g. 普通会员, 金卡会员): it sets member prices, discounts and points. The loyalty rules move it; a manager can change it.</translation>
    </message>
    <message>
        <source>The value grade A/B/C/D from the member analytics: how often and how much the member buys (A the most). It changes no price and is not the member tier.</source>
        <translation>The value grade A/B/C/D from the member analytics: how often and how much the member buys (A the most). It changes no price and is not the member tier.</translation>
    </message>
</context>
<context>
    <name>MemberPanel</name>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>No member selected.
Swipe a card or search in the box above.</source>
        <translation>No member selected.
Swipe a card or search in the box above.</translation>
    </message>
</context>
<context>
    <name>MemberPickDialog</name>
    <message>
        <source>Choose the member</source>
        <translation>Choose the member</translation>
    </message>
    <message>
        <source>{count} members match “{text}”</source>
        <translation>{count} members match “{text}”</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Member no.</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>Stored value</translation>
    </message>
    <message>
        <source>More members match: type more of the name or the phone to narrow the list.</source>
        <translation>More members match: type more of the name or the phone to narrow the list.</translation>
    </message>
    <message>
        <source>↑/↓ and Enter, or the number key, to choose · Esc to cancel</source>
        <translation>↑/↓ and Enter, or the number key, to choose · Esc to cancel</translation>
    </message>
</context>
<context>
    <name>MemberPriceHint</name>
    <message>
        <source>= price</source>
        <translation>= price</translation>
    </message>
    <message>
        <source>−{off}%</source>
        <translation>−{off}%</translation>
    </message>
    <message>
        <source>{tier} price. Empty: the price less the {tier} discount ({off}% off), as greyed here</source>
        <translation>{tier} price. Empty: the price less the {tier} discount ({off}% off), as greyed here</translation>
    </message>
    <message>
        <source>{tier} price. Empty: the price, no discount, as greyed here</source>
        <translation>{tier} price. Empty: the price, no discount, as greyed here</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>member import template</source>
        <translation>member import template</translation>
    </message>
    <message>
        <source>Save the import template as</source>
        <translation>Save the import template as</translation>
    </message>
    <message>
        <source>Template saved: {path}
Fill in one member per row, then check the file.</source>
        <translation>Template saved: {path}
Fill in one member per row, then check the file.</translation>
    </message>
    <message>
        <source>Import which member list?</source>
        <translation>Import which member list?</translation>
    </message>
    <message>
        <source>Nothing is written yet: press &quot;Import&quot; to create these members.</source>
        <translation>Nothing is written yet: press &quot;Import&quot; to create these members.</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>There is nothing to import.</translation>
    </message>
    <message>
        <source>Importing {file}… payments at the counter wait until it is done.</source>
        <translation>Importing {file}… payments at the counter wait until it is done.</translation>
    </message>
    <message>
        <source>members {day}</source>
        <translation>members {day}</translation>
    </message>
    <message>
        <source>Export the members to</source>
        <translation>Export the members to</translation>
    </message>
    <message>
        <source>Exporting the members to {file}…</source>
        <translation>Exporting the members to {file}…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to {path} (phone numbers masked).</source>
        <translation>
            <numerusform>Exported %n member to {path} (phone numbers masked).</numerusform>
            <numerusform>Exported %n members to {path} (phone numbers masked).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n member to {path}.</numerusform>
            <numerusform>Exported %n members to {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Members: import and export</source>
        <translation>Members: import and export</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Member &amp;list</source>
        <translation>Member &amp;list</translation>
    </message>
    <message>
        <source>&amp;Import and export</source>
        <translation>&amp;Import and export</translation>
    </message>
    <message>
        <source>Members from Excel: save the template, fill in a member a row (card, opening stored value and points optional), check the file, import it. Phones already registered are skipped: a file imported twice adds nobody twice.</source>
        <translation>Members from Excel: save the template, fill in a member a row (card, opening stored value and points optional), check the file, import it. Phones already registered are skipped: a file imported twice adds nobody twice.</translation>
    </message>
    <message>
        <source>Save the template…</source>
        <translation>Save the template…</translation>
    </message>
    <message>
        <source>Check a file…</source>
        <translation>Check a file…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Export every member to one Excel workbook. Phone numbers are masked unless your role may see them.</source>
        <translation>Export every member to one Excel workbook. Phone numbers are masked unless your role may see them.</translation>
    </message>
    <message>
        <source>Export all members…</source>
        <translation>Export all members…</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Sending the messages due…</source>
        <translation>Sending the messages due…</translation>
    </message>
    <message>
        <source>Sent {sent}, failed {failed}, unknown {unknown}, waiting {waiting}.</source>
        <translation>Sent {sent}, failed {failed}, unknown {unknown}, waiting {waiting}.</translation>
    </message>
    <message>
        <source>Stopped: {why}.</source>
        <translation>Stopped: {why}.</translation>
    </message>
    <message>
        <source>This message may have reached the member already. Press Resend again to send it anyway.</source>
        <translation>This message may have reached the member already. Press Resend again to send it anyway.</translation>
    </message>
    <message>
        <source>The message will be sent again.</source>
        <translation>The message will be sent again.</translation>
    </message>
    <message>
        <source>Call list written: {path}</source>
        <translation>Call list written: {path}</translation>
    </message>
    <message>
        <source>Import which reply report?</source>
        <translation>Import which reply report?</translation>
    </message>
    <message>
        <source>Reply reports (*.csv *.xlsx);;All files (*)</source>
        <translation>Reply reports (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Reading the reply report…</source>
        <translation>Reading the reply report…</translation>
    </message>
    <message>
        <source>{rows} rows read: {added} unsubscribed, {already} were already, {other} other replies.</source>
        <translation>{rows} rows read: {added} unsubscribed, {already} were already, {other} other replies.</translation>
    </message>
    <message>
        <source>Not a mainland mobile: {phones}</source>
        <translation>Not a mainland mobile: {phones}</translation>
    </message>
    <message>
        <source>{month}: {sent} sent, {cost}</source>
        <translation>{month}: {sent} sent, {cost}</translation>
    </message>
    <message>
        <source>Per month: {months}</source>
        <translation>Per month: {months}</translation>
    </message>
    <message>
        <source>No message sent yet.</source>
        <translation>No message sent yet.</translation>
    </message>
    <message>
        <source>No SMS provider is set: export the call list and phone or text the members yourself.</source>
        <translation>No SMS provider is set: export the call list and phone or text the members yourself.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Message log</source>
        <translation>Message log</translation>
    </message>
    <message>
        <source>Templates and SMS</source>
        <translation>Templates and SMS</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Send due now</source>
        <translation>Send due now</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Resend</translation>
    </message>
    <message>
        <source>Today&apos;s call list (xlsx)</source>
        <translation>Today&apos;s call list (xlsx)</translation>
    </message>
    <message>
        <source>Import replies…</source>
        <translation>Import replies…</translation>
    </message>
    <message>
        <source>A reply report from the SMS provider (CSV or Excel): the phones that replied R, TD or 退订 get no more promotional messages.</source>
        <translation>A reply report from the SMS provider (CSV or Excel): the phones that replied R, TD or 退订 get no more promotional messages.</translation>
    </message>
</context>
<context>
    <name>MovementsTable</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Note or document</source>
        <translation>Note or document</translation>
    </message>
</context>
<context>
    <name>OfflineBar</name>
    <message>
        <source>Offline cash sale ({key})</source>
        <translation>Offline cash sale ({key})</translation>
    </message>
    <message>
        <source>Offline sales…</source>
        <translation>Offline sales…</translation>
    </message>
    <message>
        <source>Offline: cash from walk-in customers only. Members, stored value, points, coupons, recharges and refunds wait until the server is back.</source>
        <translation>Offline: cash from walk-in customers only. Members, stored value, points, coupons, recharges and refunds wait until the server is back.</translation>
    </message>
    <message>
        <source>The server is back: sending the offline sales in order…</source>
        <translation>The server is back: sending the offline sales in order…</translation>
    </message>
    <message>
        <source>The server refused some offline sales: a manager must look at them (the cash is in the drawer, the sale is not booked).</source>
        <translation>The server refused some offline sales: a manager must look at them (the cash is in the drawer, the sale is not booked).</translation>
    </message>
    <message>
        <source>Offline sales wait to be sent to the server.</source>
        <translation>Offline sales wait to be sent to the server.</translation>
    </message>
    <message>
        <source>waiting: {n}</source>
        <translation>waiting: {n}</translation>
    </message>
    <message>
        <source>refused: {n}</source>
        <translation>refused: {n}</translation>
    </message>
</context>
<context>
    <name>OfflineQueueDialog</name>
    <message>
        <source>Type why the sale is written off.</source>
        <translation>Type why the sale is written off.</translation>
    </message>
    <message>
        <source>sent: {sale_no}</source>
        <translation>sent: {sale_no}</translation>
    </message>
    <message>
        <source>refused: {reason}</source>
        <translation>refused: {reason}</translation>
    </message>
    <message>
        <source>written off by {name}: {reason}</source>
        <translation>written off by {name}: {reason}</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>Offline sales</source>
        <translation>Offline sales</translation>
    </message>
    <message>
        <source>Sales made on this till while the server was gone: {waiting} waiting, {refused} refused by the server.</source>
        <translation>Sales made on this till while the server was gone: {waiting} waiting, {refused} refused by the server.</translation>
    </message>
    <message>
        <source>Local number</source>
        <translation>Local number</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Send again (manager)</source>
        <translation>Send again (manager)</translation>
    </message>
    <message>
        <source>Reason for the write-off</source>
        <translation>Reason for the write-off</translation>
    </message>
    <message>
        <source>Write off (manager)</source>
        <translation>Write off (manager)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>OfflineSaleDialog</name>
    <message>
        <source>Offline cash sale</source>
        <translation>Offline cash sale</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Plain amount</source>
        <translation>Plain amount</translation>
    </message>
    <message>
        <source>The server cannot be reached. Cash from walk-in customers only, at list prices (no member prices or promotions offline): the sale is kept on this till and sent to the server, in order, once it is back.</source>
        <translation>The server cannot be reached. Cash from walk-in customers only, at list prices (no member prices or promotions offline): the sale is kept on this till and sent to the server, in order, once it is back.</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>List price</translation>
    </message>
    <message>
        <source>Barcode or code</source>
        <translation>Barcode or code</translation>
    </message>
    <message>
        <source>Plain amount ¥</source>
        <translation>Plain amount ¥</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>To pay</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Cash received</translation>
    </message>
    <message>
        <source>Take cash (Enter)</source>
        <translation>Take cash (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>OpenShiftsBox</name>
    <message numerus="yes">
        <source>%n shift(s) still open. Pick one and close it for its cashier.</source>
        <translation>
            <numerusform>%n shift is still open: close it here for its cashier.</numerusform>
            <numerusform>%n shifts are still open. Pick one and close it for its cashier.</numerusform>
        </translation>
    </message>
    <message>
        <source>Count the drawer and close the shift in your name (the audit log keeps both names).</source>
        <translation>Count the drawer and close the shift in your name (the audit log keeps both names).</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Shift No.</source>
        <translation>Shift No.</translation>
    </message>
    <message>
        <source>Opened at</source>
        <translation>Opened at</translation>
    </message>
    <message>
        <source>Cash expected</source>
        <translation>Cash expected</translation>
    </message>
    <message>
        <source>Close for &amp;them</source>
        <translation>Close for &amp;them</translation>
    </message>
    <message>
        <source>This shift is your own: close it at the counter with F5 Shift, then close the day.</source>
        <translation>This shift is your own: close it at the counter with F5 Shift, then close the day.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Amount due</translation>
    </message>
    <message>
        <source>Walk-in sale (no member)</source>
        <translation>Walk-in sale (no member)</translation>
    </message>
    <message>
        <source>Member: {name}</source>
        <translation>Member: {name}</translation>
    </message>
    <message>
        <source>F7  Coupons, best first (Space ticks one; Shift+F7 uses the first)</source>
        <translation>F7  Coupons, best first (Space ticks one; Shift+F7 uses the first)</translation>
    </message>
    <message>
        <source>Member&apos;s payment &amp;password</source>
        <translation>Member&apos;s payment &amp;password</translation>
    </message>
    <message>
        <source>4–6 digits</source>
        <translation>4–6 digits</translation>
    </message>
    <message>
        <source>Take payment (Enter)</source>
        <translation>Take payment (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Taking the payment…</source>
        <translation>Taking the payment…</translation>
    </message>
    <message>
        <source>Applying the coupons…</source>
        <translation>Applying the coupons…</translation>
    </message>
    <message>
        <source>Paid {paid} · Change {change}</source>
        <translation>Paid {paid} · Change {change}</translation>
    </message>
    <message>
        <source>Paid in full: press Enter</source>
        <translation>Paid in full: press Enter</translation>
    </message>
    <message>
        <source>Paid {paid} · Still to pay {left}</source>
        <translation>Paid {paid} · Still to pay {left}</translation>
    </message>
    <message>
        <source>members only</source>
        <translation>members only</translation>
    </message>
    <message>
        <source>principal first, then bonus</source>
        <translation>principal first, then bonus</translation>
    </message>
    <message>
        <source>principal and bonus in proportion</source>
        <translation>principal and bonus in proportion</translation>
    </message>
    <message>
        <source>bonus first, then principal</source>
        <translation>bonus first, then principal</translation>
    </message>
    <message>
        <source>available {amount} ({order})</source>
        <translation>available {amount} ({order})</translation>
    </message>
    <message>
        <source>change {amount}</source>
        <translation>change {amount}</translation>
    </message>
    <message>
        <source>not usable for this sale</source>
        <translation>not usable for this sale</translation>
    </message>
    <message>
        <source>the shop&apos;s rule lets points pay nothing</source>
        <translation>the shop&apos;s rule lets points pay nothing</translation>
    </message>
    <message>
        <source>the member has no points</source>
        <translation>the member has no points</translation>
    </message>
    <message>
        <source>{balance} points, at least {minimum} are needed</source>
        <translation>{balance} points, at least {minimum} are needed</translation>
    </message>
    <message>
        <source>nothing left to pay</source>
        <translation>nothing left to pay</translation>
    </message>
    <message>
        <source>{percent}% of this sale is less than {minimum} points</source>
        <translation>{percent}% of this sale is less than {minimum} points</translation>
    </message>
    <message>
        <source>not usable for this sale: {why}</source>
        <translation>not usable for this sale: {why}</translation>
    </message>
    <message>
        <source>uses {points} points</source>
        <translation>uses {points} points</translation>
    </message>
    <message>
        <source>up to {amount} ({points} points)</source>
        <translation>up to {amount} ({points} points)</translation>
    </message>
</context>
<context>
    <name>PlainAmountDialog</name>
    <message>
        <source>Plain amount</source>
        <translation>Plain amount</translation>
    </message>
    <message>
        <source>Plain amount (no item): check it</source>
        <translation>Plain amount (no item): check it</translation>
    </message>
    <message>
        <source>{code} is a product code: {name} {price}.</source>
        <translation>{code} is a product code: {name} {price}.</translation>
    </message>
    <message>
        <source>Above the plain-amount limit of {limit}: check the amount.</source>
        <translation>Above the plain-amount limit of {limit}: check the amount.</translation>
    </message>
    <message>
        <source>Add the product (Enter)</source>
        <translation>Add the product (Enter)</translation>
    </message>
    <message>
        <source>Take {amount} (F1)</source>
        <translation>Take {amount} (F1)</translation>
    </message>
    <message>
        <source>Back to correct it (Esc)</source>
        <translation>Back to correct it (Esc)</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>Exported %n product(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n product to {path}.</numerusform>
            <numerusform>Exported %n products to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) from issue</source>
        <translation>
            <numerusform>%n day from issue</numerusform>
            <numerusform>%n days from issue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrinterPickDialog</name>
    <message>
        <source>Printers</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>Printers connected to this computer</source>
        <translation>Printers connected to this computer</translation>
    </message>
    <message>
        <source>Enter picks the printer; then Ctrl+T prints a test page and Ctrl+S saves. A network printer is typed: network:192.168.1.87:9100.</source>
        <translation>Enter picks the printer; then Ctrl+T prints a test page and Ctrl+S saves. A network printer is typed: network:192.168.1.87:9100.</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <source>Type the price.</source>
        <translation>Type the price.</translation>
    </message>
    <message>
        <source>The cost is above the price: each one sold loses money.</source>
        <translation>The cost is above the price: each one sold loses money.</translation>
    </message>
    <message>
        <source>{name} ({code}) is added; the counter finds it now.</source>
        <translation>{name} ({code}) is added; the counter finds it now.</translation>
    </message>
    <message>
        <source>{name} ({code}) is saved.</source>
        <translation>{name} ({code}) is saved.</translation>
    </message>
    <message>
        <source>{name} is on sale again.</source>
        <translation>{name} is on sale again.</translation>
    </message>
    <message>
        <source>{name} is no longer sold; the counter will not find it.</source>
        <translation>{name} is no longer sold; the counter will not find it.</translation>
    </message>
    <message>
        <source>Hide the form (F2)</source>
        <translation>Hide the form (F2)</translation>
    </message>
    <message>
        <source>Show the form (F2)</source>
        <translation>Show the form (F2)</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>New product</translation>
    </message>
    <message>
        <source>Choose a product in the list, or New.</source>
        <translation>Choose a product in the list, or New.</translation>
    </message>
    <message>
        <source>Stop selling</source>
        <translation>Stop selling</translation>
    </message>
    <message>
        <source> (stopped)</source>
        <translation> (stopped)</translation>
    </message>
    <message>
        <source>Edit {name} ({code})</source>
        <translation>Edit {name} ({code})</translation>
    </message>
    <message>
        <source>Sell again</source>
        <translation>Sell again</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Barcode</source>
        <translation>&amp;Barcode</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>&amp;Price</translation>
    </message>
    <message>
        <source>Co&amp;st</source>
        <translation>Co&amp;st</translation>
    </message>
    <message>
        <source>Ca&amp;tegory</source>
        <translation>Ca&amp;tegory</translation>
    </message>
    <message>
        <source>P&amp;oints</source>
        <translation>P&amp;oints</translation>
    </message>
    <message>
        <source>—</source>
        <comment>cost: optional</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>What the shop pays for one (进价), for the gross margin in the reports; empty: not known</source>
        <translation>What the shop pays for one (进价), for the gross margin in the reports; empty: not known</translation>
    </message>
    <message>
        <source>Points earned, in percent of normal: 0 earns none</source>
        <translation>Points earned, in percent of normal: 0 earns none</translation>
    </message>
    <message>
        <source>Tier discount</source>
        <translation>Tier discount</translation>
    </message>
    <message>
        <source>Tier discount applies</source>
        <translation>Tier discount applies</translation>
    </message>
    <message>
        <source>scan</source>
        <translation>scan</translation>
    </message>
    <message>
        <source>Scan the barcode or type it</source>
        <translation>Scan the barcode or type it</translation>
    </message>
    <message>
        <source>New category (Alt+G)</source>
        <translation>New category (Alt+G)</translation>
    </message>
    <message>
        <source>{tier} price</source>
        <translation>{tier} price</translation>
    </message>
    <message>
        <source>New (Ctrl+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ProductModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>On sale</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
</context>
<context>
    <name>ProductPickDialog</name>
    <message>
        <source>Choose the item</source>
        <translation>Choose the item</translation>
    </message>
    <message>
        <source>{count} items match “{text}”</source>
        <translation>{count} items match “{text}”</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>More items match: type more of the name or the code to narrow the list.</source>
        <translation>More items match: type more of the name or the code to narrow the list.</translation>
    </message>
    <message>
        <source>↑/↓ and Enter, or the number key, to choose · Esc to cancel</source>
        <translation>↑/↓ and Enter, or the number key, to choose · Esc to cancel</translation>
    </message>
</context>
<context>
    <name>ProductSheets</name>
    <message>
        <source>product import template</source>
        <translation>product import template</translation>
    </message>
    <message>
        <source>Save the import template as</source>
        <translation>Save the import template as</translation>
    </message>
    <message>
        <source>Template saved: {path}
Fill in one product per row, then import it (it is checked first).</source>
        <translation>Template saved: {path}
Fill in one product per row, then import it (it is checked first).</translation>
    </message>
    <message>
        <source>Import which product list?</source>
        <translation>Import which product list?</translation>
    </message>
    <message>
        <source>Nothing is written yet: press Enter or &quot;Import&quot; to import.</source>
        <translation>Nothing is written yet: press Enter or &quot;Import&quot; to import.</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>There is nothing to import.</translation>
    </message>
    <message>
        <source>Importing {file}… the counter may wait a moment between batches.</source>
        <translation>Importing {file}… the counter may wait a moment between batches.</translation>
    </message>
    <message>
        <source>products {day}</source>
        <translation>products {day}</translation>
    </message>
    <message>
        <source>Export the products to</source>
        <translation>Export the products to</translation>
    </message>
    <message>
        <source>Exporting the products to {file}…</source>
        <translation>Exporting the products to {file}…</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>Template…</translation>
    </message>
    <message>
        <source>Save the Excel import template</source>
        <translation>Save the Excel import template</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Import products from Excel (Ctrl+I): the file is checked first</source>
        <translation>Import products from Excel (Ctrl+I): the file is checked first</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Export every product to Excel (Ctrl+E)</source>
        <translation>Export every product to Excel (Ctrl+E)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Back to the form</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Type a code for the category, e.g. drinks.</source>
        <translation>Type a code for the category, e.g. drinks.</translation>
    </message>
    <message>
        <source>Category {name} is added.</source>
        <translation>Category {name} is added.</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>{count} found</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>{count} shown, scroll for more</source>
        <translation>{count} shown, scroll for more</translation>
    </message>
    <message>
        <source>None yet: add below, or Import…</source>
        <translation>None yet: add below, or Import…</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>code, barcode, name…</source>
        <translation>code, barcode, name…</translation>
    </message>
    <message>
        <source>Finds by code, barcode, name or pinyin initials (kkkl for 康师傅矿泉水), stopped products too</source>
        <translation>Finds by code, barcode, name or pinyin initials (kkkl for 康师傅矿泉水), stopped products too</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>New category</translation>
    </message>
    <message>
        <source>code, e.g. drinks</source>
        <translation>code, e.g. drinks</translation>
    </message>
    <message>
        <source>name, e.g. 饮料</source>
        <translation>name, e.g. 饮料</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>Add category</translation>
    </message>
</context>
<context>
    <name>Promotions</name>
    <message>
        <source>Mondays</source>
        <translation>Mondays</translation>
    </message>
    <message>
        <source>Tuesdays</source>
        <translation>Tuesdays</translation>
    </message>
    <message>
        <source>Wednesdays</source>
        <translation>Wednesdays</translation>
    </message>
    <message>
        <source>Thursdays</source>
        <translation>Thursdays</translation>
    </message>
    <message>
        <source>Fridays</source>
        <translation>Fridays</translation>
    </message>
    <message>
        <source>Saturdays</source>
        <translation>Saturdays</translation>
    </message>
    <message>
        <source>Sundays</source>
        <translation>Sundays</translation>
    </message>
    <message>
        <source>{product} at {price}, {window}</source>
        <translation>{product} at {price}, {window}</translation>
    </message>
    <message>
        <source>, members only</source>
        <translation>, members only</translation>
    </message>
    <message>
        <source>spend {amount}, get {product} ×{qty}, {window}</source>
        <translation>spend {amount}, get {product} ×{qty}, {window}</translation>
    </message>
    <message>
        <source>{day}, {percent}% of the price, points ×{times}</source>
        <translation>{day}, {percent}% of the price, points ×{times}</translation>
    </message>
    <message>
        <source>{day}, {percent}% of the price</source>
        <translation>{day}, {percent}% of the price</translation>
    </message>
    <message>
        <source>{day}, points ×{times}</source>
        <translation>{day}, points ×{times}</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <source>Shift {number} of {name} has not been closed. If you quit now it stays open, and nothing is lost.

To close it now, stay: {name} logs in and presses F5 (count the cash).</source>
        <translation>Shift {number} of {name} has not been closed. If you quit now it stays open, and nothing is lost.

To close it now, stay: {name} logs in and presses F5 (count the cash).</translation>
    </message>
    <message numerus="yes">
        <source>Shift {number} has not been closed. If you quit now it stays open, and the paid sales are kept, but the %n unpaid item(s) in the cart ({amount}) are not kept: next time, carry on with the shift or close it with F5 (count the cash).

To take the payment or close the shift now, stay.</source>
        <translation>
            <numerusform>Shift {number} has not been closed. If you quit now it stays open, and the paid sales are kept, but the %n unpaid item in the cart ({amount}) is not kept: next time, carry on with the shift or close it with F5 (count the cash).

To take the payment or close the shift now, stay.</numerusform>
            <numerusform>Shift {number} has not been closed. If you quit now it stays open, and the paid sales are kept, but the %n unpaid items in the cart ({amount}) are not kept: next time, carry on with the shift or close it with F5 (count the cash).

To take the payment or close the shift now, stay.</numerusform>
        </translation>
    </message>
    <message>
        <source>The cart has not been paid</source>
        <translation>The cart has not been paid</translation>
    </message>
    <message numerus="yes">
        <source>If you quit now, the %n unpaid item(s) in the cart ({amount}) are not kept.

To take the payment, stay.</source>
        <translation>
            <numerusform>If you quit now, the %n unpaid item in the cart ({amount}) is not kept.

To take the payment, stay.</numerusform>
            <numerusform>If you quit now, the %n unpaid items in the cart ({amount}) are not kept.

To take the payment, stay.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit, cart not kept</source>
        <translation>Quit, cart not kept</translation>
    </message>
    <message>
        <source>Shift {number} is still open</source>
        <translation>Shift {number} is still open</translation>
    </message>
    <message>
        <source>Shift {number} has not been closed. If you quit now it stays open, and nothing is lost: next time, carry on with it or close it with F5 (count the cash).

To close the shift now, stay and press F5.</source>
        <translation>Shift {number} has not been closed. If you quit now it stays open, and nothing is lost: next time, carry on with it or close it with F5 (count the cash).

To close the shift now, stay and press F5.</translation>
    </message>
    <message numerus="yes">
        <source>If you log out now, the %n unpaid item(s) in the cart ({amount}) are not kept.

To take the payment, stay.</source>
        <translation>
            <numerusform>If you log out now, the %n unpaid item in the cart ({amount}) is not kept.

To take the payment, stay.</numerusform>
            <numerusform>If you log out now, the %n unpaid items in the cart ({amount}) are not kept.

To take the payment, stay.</numerusform>
        </translation>
    </message>
    <message>
        <source>Log out, cart not kept</source>
        <translation>Log out, cart not kept</translation>
    </message>
    <message>
        <source>Stay (Enter)</source>
        <translation>Stay (Enter)</translation>
    </message>
    <message>
        <source>Quit, shift stays open</source>
        <translation>Quit, shift stays open</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Count card used</source>
        <translation>Count card used</translation>
    </message>
    <message>
        <source>Count card slip · {number}</source>
        <translation>Count card slip · {number}</translation>
    </message>
    <message>
        <source>{service}: uses taken</source>
        <translation>{service}: uses taken</translation>
    </message>
    <message>
        <source>{service}: uses given back</source>
        <translation>{service}: uses given back</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Paid · sale {sale_no}</source>
        <translation>Paid · sale {sale_no}</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Recharged</source>
        <translation>Recharged</translation>
    </message>
    <message>
        <source>Recharge slip · {number}</source>
        <translation>Recharge slip · {number}</translation>
    </message>
    <message>
        <source>Paid in</source>
        <translation>Paid in</translation>
    </message>
    <message>
        <source>Gift redeemed</source>
        <translation>Gift redeemed</translation>
    </message>
    <message>
        <source>Redemption slip (兑) · {number}</source>
        <translation>Redemption slip (兑) · {number}</translation>
    </message>
    <message>
        <source>Points used</source>
        <translation>Points used</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Refund slip · {number}</source>
        <translation>Refund slip · {number}</translation>
    </message>
    <message>
        <source>Given back</source>
        <translation>Given back</translation>
    </message>
    <message>
        <source>Stored value now</source>
        <translation>Stored value now</translation>
    </message>
    <message>
        <source>Points now</source>
        <translation>Points now</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>Points earned</translation>
    </message>
    <message>
        <source>Print (P)</source>
        <translation>Print (P)</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>Done (Enter)</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>Receipt printed.</source>
        <translation>Receipt printed.</translation>
    </message>
    <message>
        <source>No receipt printer is set up: the receipt is shown here only.</source>
        <translation>No receipt printer is set up: the receipt is shown here only.</translation>
    </message>
    <message>
        <source>Printing failed: {detail}</source>
        <translation>Printing failed: {detail}</translation>
    </message>
</context>
<context>
    <name>RechargeDialog</name>
    <message>
        <source>Loading the member and the offers…</source>
        <translation>Loading the member and the offers…</translation>
    </message>
    <message>
        <source>Type the amount the customer pays, or pick an offer.</source>
        <translation>Type the amount the customer pays, or pick an offer.</translation>
    </message>
    <message>
        <source>No offer applies to this amount.</source>
        <translation>No offer applies to this amount.</translation>
    </message>
    <message>
        <source>Offer {name}: bonus {bonus}</source>
        <translation>Offer {name}: bonus {bonus}</translation>
    </message>
    <message>
        <source>plus {points} points</source>
        <translation>plus {points} points</translation>
    </message>
    <message>
        <source>plus the coupon {coupon}</source>
        <translation>plus the coupon {coupon}</translation>
    </message>
    <message>
        <source>The card gets {credit}; balance after: {after}.</source>
        <translation>The card gets {credit}; balance after: {after}.</translation>
    </message>
    <message>
        <source>That is over the limit of {cap}.</source>
        <translation>That is over the limit of {cap}.</translation>
    </message>
    <message>
        <source>Type the amount to recharge.</source>
        <translation>Type the amount to recharge.</translation>
    </message>
    <message>
        <source>Payment by &quot;Other&quot; needs a reference.</source>
        <translation>Payment by &quot;Other&quot; needs a reference.</translation>
    </message>
    <message>
        <source>Recharged {amount} (No. {number}).</source>
        <translation>Recharged {amount} (No. {number}).</translation>
    </message>
    <message>
        <source>Bonus: {bonus}.</source>
        <translation>Bonus: {bonus}.</translation>
    </message>
    <message>
        <source>Bonus points: {points}.</source>
        <translation>Bonus points: {points}.</translation>
    </message>
    <message>
        <source>New balance: {balance}.</source>
        <translation>New balance: {balance}.</translation>
    </message>
    <message>
        <source>Recharge</source>
        <translation>Recharge</translation>
    </message>
    <message>
        <source>Recharge for {name} ({member_no})</source>
        <translation>Recharge for {name} ({member_no})</translation>
    </message>
    <message>
        <source>Tier: {tier}
Balance: {balance} (paid {principal}, bonus {bonus})</source>
        <translation>Tier: {tier}
Balance: {balance} (paid {principal}, bonus {bonus})</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Offers</translation>
    </message>
    <message>
        <source>Offers: none</source>
        <translation>Offers: none</translation>
    </message>
    <message>
        <source>&amp;Amount paid</source>
        <translation>&amp;Amount paid</translation>
    </message>
    <message>
        <source>&amp;Paid by</source>
        <translation>&amp;Paid by</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Reference</translation>
    </message>
    <message>
        <source>Transaction no. (needed for &quot;Other&quot;)</source>
        <translation>Transaction no. (needed for &quot;Other&quot;)</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>Done (Enter)</translation>
    </message>
    <message>
        <source>Recharge (Enter)</source>
        <translation>Recharge (Enter)</translation>
    </message>
</context>
<context>
    <name>RedeemDialog</name>
    <message>
        <source>Loading the member and the gifts…</source>
        <translation>Loading the member and the gifts…</translation>
    </message>
    <message>
        <source>No gift is on the shelf: the back office&apos;s Points mall page puts gifts on it.</source>
        <translation>No gift is on the shelf: the back office&apos;s Points mall page puts gifts on it.</translation>
    </message>
    <message>
        <source>{qty} x {gift} = {points} points; the member has {have}.</source>
        <translation>{qty} x {gift} = {points} points; the member has {have}.</translation>
    </message>
    <message>
        <source>{short} points short.</source>
        <translation>{short} points short.</translation>
    </message>
    <message>
        <source>Pick a gift first.</source>
        <translation>Pick a gift first.</translation>
    </message>
    <message>
        <source>Redeemed {qty} x {gift} for {points} points (No. {number}). Points left: {left}.</source>
        <translation>Redeemed {qty} x {gift} for {points} points (No. {number}). Points left: {left}.</translation>
    </message>
    <message>
        <source>Points mall</source>
        <translation>Points mall</translation>
    </message>
    <message>
        <source>Gifts for {name} ({member_no})</source>
        <translation>Gifts for {name} ({member_no})</translation>
    </message>
    <message>
        <source>Points: {points}</source>
        <translation>Points: {points}</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>In stock</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>&amp;Quantity</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>Done (Enter)</translation>
    </message>
    <message>
        <source>Redeem (Enter)</source>
        <translation>Redeem (Enter)</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>(refunded)</source>
        <translation>(refunded)</translation>
    </message>
    <message>
        <source>(partly refunded)</source>
        <translation>(partly refunded)</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>Type the receipt number.</source>
        <translation>Type the receipt number.</translation>
    </message>
    <message>
        <source>{number} is itself a refund.</source>
        <translation>{number} is itself a refund.</translation>
    </message>
    <message>
        <source>Please give the reason for the refund.</source>
        <translation>Please give the reason for the refund.</translation>
    </message>
    <message>
        <source>Set how many of which items to refund.</source>
        <translation>Set how many of which items to refund.</translation>
    </message>
    <message>
        <source>Approved by {name}.</source>
        <translation>Approved by {name}.</translation>
    </message>
    <message>
        <source>Refunded {amount} (No. {number}).</source>
        <translation>Refunded {amount} (No. {number}).</translation>
    </message>
    <message>
        <source>Pay back: {paid}.</source>
        <translation>Pay back: {paid}.</translation>
    </message>
    <message>
        <source>Points taken back: {points}.</source>
        <translation>Points taken back: {points}.</translation>
    </message>
    <message>
        <source>Points given back: {points}.</source>
        <translation>Points given back: {points}.</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Sales and recharges of {name}</source>
        <translation>Sales and recharges of {name}</translation>
    </message>
    <message>
        <source>Recent sales and recharges</source>
        <translation>Recent sales and recharges</translation>
    </message>
    <message>
        <source>Scan or type the number on the receipt (a sale&apos;s or a recharge&apos;s)</source>
        <translation>Scan or type the number on the receipt (a sale&apos;s or a recharge&apos;s)</translation>
    </message>
    <message>
        <source>Receipt &amp;no.</source>
        <translation>Receipt &amp;no.</translation>
    </message>
    <message>
        <source>{paid} + bonus {bonus}</source>
        <translation>{paid} + bonus {bonus}</translation>
    </message>
    <message>
        <source>Recharge {paid}</source>
        <translation>Recharge {paid}</translation>
    </message>
    <message>
        <source>Refund a sale or recharge</source>
        <translation>Refund a sale or recharge</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Why the customer gets the money back (required)</source>
        <translation>Why the customer gets the money back (required)</translation>
    </message>
    <message>
        <source>Deduct the value of points already spent from the refund</source>
        <translation>Deduct the value of points already spent from the refund</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>Done (Enter)</translation>
    </message>
    <message>
        <source>Refund (Enter)</source>
        <translation>Refund (Enter)</translation>
    </message>
</context>
<context>
    <name>RefundHeadline</name>
    <message>
        <source>Cash to hand back {amount}</source>
        <translation>Cash to hand back {amount}</translation>
    </message>
    <message>
        <source>Nothing to hand back in cash</source>
        <translation>Nothing to hand back in cash</translation>
    </message>
    <message>
        <source>{amount} back to the stored value on the card</source>
        <translation>{amount} back to the stored value on the card</translation>
    </message>
    <message>
        <source>{points} points back to the member ({amount})</source>
        <translation>{points} points back to the member ({amount})</translation>
    </message>
    <message>
        <source>{tender} {amount}: pay it back there by hand</source>
        <translation>{tender} {amount}: pay it back there by hand</translation>
    </message>
    <message>
        <source>No money goes back.</source>
        <translation>No money goes back.</translation>
    </message>
</context>
<context>
    <name>RefundView</name>
    <message>
        <source>Set how many of each item come back.</source>
        <translation>Set how many of each item come back.</translation>
    </message>
    <message>
        <source> ({points} points back)</source>
        <translation> ({points} points back)</translation>
    </message>
    <message>
        <source>Money back {amount}: {parts}.</source>
        <translation>Money back {amount}: {parts}.</translation>
    </message>
    <message>
        <source>Coupons usable again: {names}.</source>
        <translation>Coupons usable again: {names}.</translation>
    </message>
    <message>
        <source>Coupon not given back (used on this sale): {names}.</source>
        <translation>Coupon not given back (used on this sale): {names}.</translation>
    </message>
    <message>
        <source>Points this sale earned, taken back: {points}.</source>
        <translation>Points this sale earned, taken back: {points}.</translation>
    </message>
    <message>
        <source>Bonus balance forfeited: {amount}.</source>
        <translation>Bonus balance forfeited: {amount}.</translation>
    </message>
    <message>
        <source>Bonus points taken back: {points}.</source>
        <translation>Bonus points taken back: {points}.</translation>
    </message>
    <message>
        <source>Unused bonus coupons voided: {count}.</source>
        <translation>Unused bonus coupons voided: {count}.</translation>
    </message>
    <message>
        <source>The member has already spent {points} of these points (worth {value}): tick the deduction below, or the refund is refused.</source>
        <translation>The member has already spent {points} of these points (worth {value}): tick the deduction below, or the refund is refused.</translation>
    </message>
    <message>
        <source>Deducted for {points} points already spent: -{amount}.</source>
        <translation>Deducted for {points} points already spent: -{amount}.</translation>
    </message>
    <message>
        <source>Type or scan the receipt number, or pick a sale or recharge.</source>
        <translation>Type or scan the receipt number, or pick a sale or recharge.</translation>
    </message>
    <message>
        <source>Sale {number} of {when}, cashier {cashier}</source>
        <translation>Sale {number} of {when}, cashier {cashier}</translation>
    </message>
    <message>
        <source>Recharge {number} of {when}, cashier {cashier}</source>
        <translation>Recharge {number} of {when}, cashier {cashier}</translation>
    </message>
    <message>
        <source>Total {total}; paid: {paid}</source>
        <translation>Total {total}; paid: {paid}</translation>
    </message>
    <message>
        <source>Member {name} ({member_no})</source>
        <translation>Member {name} ({member_no})</translation>
    </message>
    <message>
        <source>A recharge refund pays back what is left of its principal; its bonus is forfeited.</source>
        <translation>A recharge refund pays back what is left of its principal; its bonus is forfeited.</translation>
    </message>
    <message>
        <source>&amp;Whole sale (everything not refunded yet)</source>
        <translation>&amp;Whole sale (everything not refunded yet)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Refund qty</source>
        <translation>Refund qty</translation>
    </message>
    <message>
        <source>{when} (the receipt says {printed}: printed before the time zone was changed)</source>
        <translation>{when} (the receipt says {printed}: printed before the time zone was changed)</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Type the mobile number.</source>
        <translation>Type the mobile number.</translation>
    </message>
    <message>
        <source>Type the member&apos;s name.</source>
        <translation>Type the member&apos;s name.</translation>
    </message>
    <message>
        <source>Member {member_no} {name} registered ({phone}).</source>
        <translation>Member {member_no} {name} registered ({phone}).</translation>
    </message>
    <message>
        <source>The card is bound.</source>
        <translation>The card is bound.</translation>
    </message>
    <message>
        <source>They are now the member at the counter (F3 recharges).</source>
        <translation>They are now the member at the counter (F3 recharges).</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>New member</translation>
    </message>
    <message>
        <source>Register a member</source>
        <translation>Register a member</translation>
    </message>
    <message>
        <source>Mobile number and name are enough. To give a card, put the cursor in the card field and swipe it.</source>
        <translation>Mobile number and name are enough. To give a card, put the cursor in the card field and swipe it.</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>&amp;Mobile</translation>
    </message>
    <message>
        <source>11-digit mainland mobile number</source>
        <translation>11-digit mainland mobile number</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation>&amp;Card</translation>
    </message>
    <message>
        <source>Swipe the card now, or type its number (optional)</source>
        <translation>Swipe the card now, or type its number (optional)</translation>
    </message>
    <message>
        <source>Referred &amp;by</source>
        <translation>Referred &amp;by</translation>
    </message>
    <message>
        <source>The referrer&apos;s member no. (optional)</source>
        <translation>The referrer&apos;s member no. (optional)</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>Done (Enter)</translation>
    </message>
    <message>
        <source>Register (Enter)</source>
        <translation>Register (Enter)</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <source>Print the report</source>
        <translation>Print the report</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Nothing to show yet.</translation>
    </message>
    <message>
        <source>Only the first rows are shown here; the export has them all.</source>
        <translation>Only the first rows are shown here; the export has them all.</translation>
    </message>
    <message>
        <source>(no data)</source>
        <translation>(no data)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Shift report</source>
        <translation>Shift report</translation>
    </message>
    <message>
        <source>Sales detail</source>
        <translation>Sales detail</translation>
    </message>
    <message>
        <source>Stored-value liability</source>
        <translation>Stored-value liability</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>Count cards</source>
        <translation>Count cards</translation>
    </message>
    <message>
        <source>Member statement</source>
        <translation>Member statement</translation>
    </message>
    <message>
        <source>This store</source>
        <translation>This store</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>All stores</translation>
    </message>
    <message>
        <source>Type the shift number.</source>
        <translation>Type the shift number.</translation>
    </message>
    <message>
        <source>Type the member number.</source>
        <translation>Type the member number.</translation>
    </message>
    <message>
        <source>My shift report</source>
        <translation>My shift report</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <source>&amp;Shift no.</source>
        <translation>&amp;Shift no.</translation>
    </message>
    <message>
        <source>&amp;Member no.</source>
        <translation>&amp;Member no.</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>St&amp;ore</source>
        <translation>St&amp;ore</translation>
    </message>
    <message>
        <source>e.g. B20260301-001</source>
        <translation>e.g. B20260301-001</translation>
    </message>
    <message>
        <source>Show (Enter)</source>
        <translation>Show (Enter)</translation>
    </message>
</context>
<context>
    <name>RestoreConfirm</name>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Made {when} (shop time), {age}.</source>
        <translation>Made {when} (shop time), {age}.</translation>
    </message>
    <message>
        <source>Made {when} (shop time, the file&apos;s own time: it has no manifest), {age}.</source>
        <translation>Made {when} (shop time, the file&apos;s own time: it has no manifest), {age}.</translation>
    </message>
    <message numerus="yes">
        <source>%n sale(s), {total}</source>
        <translation>
            <numerusform>%n sale, {total}</numerusform>
            <numerusform>%n sales, {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refund(s), {total}</source>
        <translation>
            <numerusform>%n refund, {total}</numerusform>
            <numerusform>%n refunds, {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recharge(s), {total}</source>
        <translation>
            <numerusform>%n recharge, {total}</numerusform>
            <numerusform>%n recharges, {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shift(s)</source>
        <translation>
            <numerusform>%n shift</numerusform>
            <numerusform>%n shifts</numerusform>
        </translation>
    </message>
    <message>
        <source>{date} (No. {number})</source>
        <translation>{date} (No. {number})</translation>
    </message>
    <message numerus="yes">
        <source>%n sealed day close(s): {dates}</source>
        <translation>
            <numerusform>%n sealed day close: {dates}</numerusform>
            <numerusform>%n sealed day closes: {dates}</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} registered</source>
        <translation>{count} registered</translation>
    </message>
    <message>
        <source>{count} added</source>
        <translation>{count} added</translation>
    </message>
    <message>
        <source>Recorded here since this backup and lost by the restore:</source>
        <translation>Recorded here since this backup and lost by the restore:</translation>
    </message>
    <message>
        <source>Restore {file}</source>
        <translation>Restore {file}</translation>
    </message>
    <message>
        <source>members: {counts}</source>
        <translation>members: {counts}</translation>
    </message>
    <message>
        <source>products: {counts}</source>
        <translation>products: {counts}</translation>
    </message>
    <message numerus="yes">
        <source>%n stock movement(s) (received, counted, transferred)</source>
        <translation>
            <numerusform>%n stock movement (received, counted, transferred)</numerusform>
            <numerusform>%n stock movements (received, counted, transferred)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s)</source>
        <translation>
            <numerusform>%n setting</numerusform>
            <numerusform>%n settings</numerusform>
        </translation>
    </message>
    <message>
        <source>Different in the backup, will become the backup&apos;s version: {counts}</source>
        <translation>Different in the backup, will become the backup&apos;s version: {counts}</translation>
    </message>
    <message>
        <source>Nothing is lost: no sales, refunds, recharges, shifts, day closes, members, products, stock movements or settings were recorded or changed here since this backup.</source>
        <translation>Nothing is lost: no sales, refunds, recharges, shifts, day closes, members, products, stock movements or settings were recorded or changed here since this backup.</translation>
    </message>
    <message>
        <source>First the current data is saved as a new backup (&quot;before a restore&quot;) in {folder}: to undo the restore, restore that file.</source>
        <translation>First the current data is saved as a new backup (&quot;before a restore&quot;) in {folder}: to undo the restore, restore that file.</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Restore this backup?</translation>
    </message>
    <message>
        <source>To restore it, type your password again.</source>
        <translation>To restore it, type your password again.</translation>
    </message>
    <message>
        <source>Restore (Enter)</source>
        <translation>Restore (Enter)</translation>
    </message>
</context>
<context>
    <name>RestoredNotice</name>
    <message>
        <source>Restored from {file}, made {when} (shop time).</source>
        <translation>Restored from {file}, made {when} (shop time).</translation>
    </message>
    <message>
        <source>Restored from {file}.</source>
        <translation>Restored from {file}.</translation>
    </message>
    <message>
        <source>The data from before the restore was saved in the backup folder as {backup}: restore that file to get it back.</source>
        <translation>The data from before the restore was saved in the backup folder as {backup}: restore that file to get it back.</translation>
    </message>
    <message>
        <source>The data from before the restore was saved as {backup}: to get it back, restore that file (back office, Backups).</source>
        <translation>The data from before the restore was saved as {backup}: to get it back, restore that file (back office, Backups).</translation>
    </message>
</context>
<context>
    <name>RetentionWords</name>
    <message numerus="yes">
        <source>Removed %n older backup(s) by the retention rule: {files}.</source>
        <translation>
            <numerusform>Removed %n older backup by the retention rule: {files}.</numerusform>
            <numerusform>Removed %n older backups by the retention rule: {files}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n older backup(s) by retention (point here for the names).</source>
        <translation>
            <numerusform>Removed %n older backup by retention (point here for its name).</numerusform>
            <numerusform>Removed %n older backups by retention (point here for the names).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
</context>
<context>
    <name>RulesBase</name>
    <message>
        <source>no end</source>
        <translation>no end</translation>
    </message>
    <message>
        <source>{text} is not a date: write it as 2026-12-31.</source>
        <translation>{text} is not a date: write it as 2026-12-31.</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>Amount off</source>
        <translation>Amount off</translation>
    </message>
    <message>
        <source>Percent off</source>
        <translation>Percent off</translation>
    </message>
    <message>
        <source>Item at a fixed price</source>
        <translation>Item at a fixed price</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Category {code} earns the shop&apos;s rate again.</source>
        <translation>Category {code} earns the shop&apos;s rate again.</translation>
    </message>
    <message>
        <source>Category {code} now earns {rate} points per yuan.</source>
        <translation>Category {code} now earns {rate} points per yuan.</translation>
    </message>
    <message>
        <source>Type whole points per yuan, 0 to 100, or leave it empty.</source>
        <translation>Type whole points per yuan, 0 to 100, or leave it empty.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>every tier</source>
        <translation>every tier</translation>
    </message>
    <message>
        <source>New tier</source>
        <translation>New tier</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Change {name}</source>
        <translation>Change {name}</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activate</translation>
    </message>
    <message>
        <source>Give a coupon: pick it in the list</source>
        <translation>Give a coupon: pick it in the list</translation>
    </message>
    <message>
        <source>Give {name} to a member</source>
        <translation>Give {name} to a member</translation>
    </message>
    <message>
        <source>Loyalty rules</source>
        <translation>Loyalty rules</translation>
    </message>
    <message>
        <source>Only the owner changes the rules; you can see them and give coupons to members.</source>
        <translation>Only the owner changes the rules; you can see them and give coupons to members.</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>Tiers</translation>
    </message>
    <message>
        <source>Recharge offers</source>
        <translation>Recharge offers</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>The points rules are shop settings: they are changed on the settings page, and a change applies to points earned from then on (points already earned keep their dates).</source>
        <translation>The points rules are shop settings: they are changed on the settings page, and a change applies to points earned from then on (points already earned keep their dates).</translation>
    </message>
    <message>
        <source>Change them in Settings (Ctrl+8)</source>
        <translation>Change them in Settings (Ctrl+8)</translation>
    </message>
</context>
<context>
    <name>SchedulerWords</name>
    <message numerus="yes">
        <source>Scheduled backup done; removed %n older backup(s) by the retention rule: {files}.</source>
        <translation>
            <numerusform>Scheduled backup done; removed %n older backup by the retention rule: {files}.</numerusform>
            <numerusform>Scheduled backup done; removed %n older backups by the retention rule: {files}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentsTab</name>
    <message>
        <source>(new)</source>
        <translation>(new)</translation>
    </message>
    <message>
        <source>Segment “{name}” saved.</source>
        <translation>Segment “{name}” saved.</translation>
    </message>
    <message>
        <source>Segment “{name}” deleted.</source>
        <translation>Segment “{name}” deleted.</translation>
    </message>
    <message>
        <source>Save the segment first, then export it.</source>
        <translation>Save the segment first, then export it.</translation>
    </message>
    <message>
        <source>Exporting “{name}”…</source>
        <translation>Exporting “{name}”…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) written to {path}</source>
        <translation>
            <numerusform>%n member written to {path}</numerusform>
            <numerusform>%n members written to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s) match</source>
        <translation>
            <numerusform>%Ln member matches</numerusform>
            <numerusform>%Ln members match</numerusform>
        </translation>
    </message>
    <message>
        <source>Se&amp;gment</source>
        <translation>Se&amp;gment</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ServerStrip</name>
    <message>
        <source>Reconnect ({key})</source>
        <translation>Reconnect ({key})</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>No answer yet (tries: {n}); trying again every {s} s.</source>
        <translation>No answer yet (tries: {n}); trying again every {s} s.</translation>
    </message>
    <message>
        <source>Trying again every {s} s.</source>
        <translation>Trying again every {s} s.</translation>
    </message>
    <message>
        <source>Logged in offline: the server cannot be reached. Once it answers, the log-in is checked there.</source>
        <translation>Logged in offline: the server cannot be reached. Once it answers, the log-in is checked there.</translation>
    </message>
    <message>
        <source>The connection to the server was lost. Nothing is booked twice: once it is back, pay the same sale again.</source>
        <translation>The connection to the server was lost. Nothing is booked twice: once it is back, pay the same sale again.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Type an amount in yuan for “{label}”.</source>
        <translation>Type an amount in yuan for “{label}”.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>Saved: the shop&apos;s name, address and phone.</source>
        <translation>Saved: the shop&apos;s name, address and phone.</translation>
    </message>
    <message>
        <source>Printing a test page…</source>
        <translation>Printing a test page…</translation>
    </message>
    <message>
        <source>Looking for printers…</source>
        <translation>Looking for printers…</translation>
    </message>
    <message>
        <source>No printer found: plug it in and switch it on, or type its address (network:192.168.1.87:9100).</source>
        <translation>No printer found: plug it in and switch it on, or type its address (network:192.168.1.87:9100).</translation>
    </message>
    <message>
        <source>Printer {address}: Ctrl+T prints a test page, Ctrl+S saves.</source>
        <translation>Printer {address}: Ctrl+T prints a test page, Ctrl+S saves.</translation>
    </message>
    <message>
        <source>Sent: check that the printer fed paper.</source>
        <translation>Sent: check that the printer fed paper.</translation>
    </message>
    <message>
        <source>Check that the cash drawer opened.</source>
        <translation>Check that the cash drawer opened.</translation>
    </message>
    <message>
        <source>The test page was printed.</source>
        <translation>The test page was printed.</translation>
    </message>
    <message>
        <source>The cash drawer was opened.</source>
        <translation>The cash drawer was opened.</translation>
    </message>
    <message>
        <source>Saved. Settings changed: {count}.</source>
        <translation>Saved. Settings changed: {count}.</translation>
    </message>
    <message>
        <source>Default: {value}. {help}</source>
        <translation>Default: {value}. {help}</translation>
    </message>
    <message>
        <source>Default: {value}</source>
        <translation>Default: {value}</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Test print (Ctrl+T)</source>
        <translation>Test print (Ctrl+T)</translation>
    </message>
    <message>
        <source>Find printers (Ctrl+L)</source>
        <translation>Find printers (Ctrl+L)</translation>
    </message>
    <message>
        <source>Only the owner can change the settings.</source>
        <translation>Only the owner can change the settings.</translation>
    </message>
</context>
<context>
    <name>SheetJobs</name>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Checking {file}…</translation>
    </message>
    <message>
        <source>Row {row}: {problem}</source>
        <translation>Row {row}: {problem}</translation>
    </message>
    <message>
        <source>… and more: see the error workbook.</source>
        <translation>… and more: see the error workbook.</translation>
    </message>
    <message>
        <source>The rows with problems, each with its reason, are in {path}: correct them there and import that file.</source>
        <translation>The rows with problems, each with its reason, are in {path}: correct them there and import that file.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ShiftChecks</name>
    <message>
        <source>Shift {no} ({name}) is verified.</source>
        <translation>Shift {no} ({name}) is verified.</translation>
    </message>
    <message numerus="yes">
        <source>%n closed shift(s) wait for a check.</source>
        <translation>
            <numerusform>%n closed shift waits for a check.</numerusform>
            <numerusform>%n closed shifts wait for a check.</numerusform>
        </translation>
    </message>
    <message>
        <source>No shift waits for a check.</source>
        <translation>No shift waits for a check.</translation>
    </message>
    <message>
        <source>cash short by {amount}</source>
        <translation>cash short by {amount}</translation>
    </message>
    <message>
        <source>cash over by {amount}</source>
        <translation>cash over by {amount}</translation>
    </message>
    <message>
        <source>cash right</source>
        <translation>cash right</translation>
    </message>
    <message>
        <source>{no}, {name}: counted {counted}, expected {expected}, {cash}.</source>
        <translation>{no}, {name}: counted {counted}, expected {expected}, {cash}.</translation>
    </message>
    <message>
        <source>Verified by {name}.</source>
        <translation>Verified by {name}.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <source>Shift No.</source>
        <translation>Shift No.</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>Verified by</translation>
    </message>
    <message>
        <source>Other diff.</source>
        <translation>Other diff.</translation>
    </message>
    <message>
        <source>Show &amp;verified shifts too</source>
        <translation>Show &amp;verified shifts too</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>optional, e.g. short 5 jiao explained</source>
        <translation>optional, e.g. short 5 jiao explained</translation>
    </message>
    <message>
        <source>Verify (Enter)</source>
        <translation>Verify (Enter)</translation>
    </message>
</context>
<context>
    <name>ShiftCountView</name>
    <message>
        <source>Count the drawer without looking at the expected amounts (blind close). Cash must be counted; leave a method empty when it was checked against its statement.</source>
        <translation>Count the drawer without looking at the expected amounts (blind close). Cash must be counted; leave a method empty when it was checked against its statement.</translation>
    </message>
    <message>
        <source>Count the drawer. Cash must be counted; leave a method empty to take the expected amount.</source>
        <translation>Count the drawer. Cash must be counted; leave a method empty to take the expected amount.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>hidden</translation>
    </message>
    <message>
        <source>as expected</source>
        <translation>as expected</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Type the opening float (0 for none).</source>
        <translation>Type the opening float (0 for none).</translation>
    </message>
    <message>
        <source>Shift {number} started, float {amount}. Ready to sell.</source>
        <translation>Shift {number} started, float {amount}. Ready to sell.</translation>
    </message>
    <message>
        <source>Type the amount of cash.</source>
        <translation>Type the amount of cash.</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>Please give a reason.</translation>
    </message>
    <message>
        <source>Recorded.</source>
        <translation>Recorded.</translation>
    </message>
    <message>
        <source>Count the cash first: type the amount in the drawer.</source>
        <translation>Count the cash first: type the amount in the drawer.</translation>
    </message>
    <message>
        <source>Type the amount counted.</source>
        <translation>Type the amount counted.</translation>
    </message>
    <message>
        <source>Shift {number}, opened {when}</source>
        <translation>Shift {number}, opened {when}</translation>
    </message>
    <message>
        <source>Opening float: {amount}</source>
        <translation>Opening float: {amount}</translation>
    </message>
    <message>
        <source>Sales: {count}, {amount}</source>
        <translation>Sales: {count}, {amount}</translation>
    </message>
    <message>
        <source>Refunds: {amount}    Recharges: {recharges}</source>
        <translation>Refunds: {amount}    Recharges: {recharges}</translation>
    </message>
    <message>
        <source>Cash in: {cash_in}    Cash out: {cash_out}</source>
        <translation>Cash in: {cash_in}    Cash out: {cash_out}</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Shift {number}</source>
        <translation>Shift {number}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>No shift is open. Count the float in the drawer and open a shift to take payments.</source>
        <translation>No shift is open. Count the float in the drawer and open a shift to take payments.</translation>
    </message>
    <message>
        <source>Opening &amp;float</source>
        <translation>Opening &amp;float</translation>
    </message>
    <message>
        <source>Cash &amp;in or out</source>
        <translation>Cash &amp;in or out</translation>
    </message>
    <message>
        <source>Put cash in (float)</source>
        <translation>Put cash in (float)</translation>
    </message>
    <message>
        <source>Take cash out</source>
        <translation>Take cash out</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Amount</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>Why (required)</translation>
    </message>
    <message>
        <source>Open shift (Enter)</source>
        <translation>Open shift (Enter)</translation>
    </message>
    <message>
        <source>Record cash in/out (Enter)</source>
        <translation>Record cash in/out (Enter)</translation>
    </message>
    <message>
        <source>Count and close (F5)</source>
        <translation>Count and close (F5)</translation>
    </message>
    <message>
        <source>Close shift (Enter)</source>
        <translation>Close shift (Enter)</translation>
    </message>
</context>
<context>
    <name>ShiftResultView</name>
    <message>
        <source>Shift {number} is closed. This was a blind close: the manager sees the difference.</source>
        <translation>Shift {number} is closed. This was a blind close: the manager sees the difference.</translation>
    </message>
    <message>
        <source>Shift {number} is closed. Cash is {amount} short.</source>
        <translation>Shift {number} is closed. Cash is {amount} short.</translation>
    </message>
    <message>
        <source>Shift {number} is closed. Cash is {amount} over.</source>
        <translation>Shift {number} is closed. Cash is {amount} over.</translation>
    </message>
    <message>
        <source>Shift {number} is closed. Cash is exact.</source>
        <translation>Shift {number} is closed. Cash is exact.</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
</context>
<context>
    <name>ShopDetailsBox</name>
    <message>
        <source>Next receipt ({mm} mm)</source>
        <translation>Next receipt ({mm} mm)</translation>
    </message>
    <message>
        <source>Shop name, address and phone (on receipts)</source>
        <translation>Shop name, address and phone (on receipts)</translation>
    </message>
    <message>
        <source>Shop &amp;name</source>
        <translation>Shop &amp;name</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>Printed at the top of every receipt, centred; an empty address or phone is left out. Ctrl+S saves them with the settings.</source>
        <translation>Printed at the top of every receipt, centred; an empty address or phone is left out. Ctrl+S saves them with the settings.</translation>
    </message>
</context>
<context>
    <name>ShopSetupScreen</name>
    <message>
        <source>MemberDesk — set up the shop</source>
        <translation>MemberDesk — set up the shop</translation>
    </message>
    <message>
        <source>Welcome to MemberDesk</source>
        <translation>Welcome to MemberDesk</translation>
    </message>
    <message>
        <source>Name your shop and create the owner&apos;s account. Staff accounts for cashiers come later.</source>
        <translation>Name your shop and create the owner&apos;s account. Staff accounts for cashiers come later.</translation>
    </message>
    <message>
        <source>Shop &amp;name</source>
        <translation>Shop &amp;name</translation>
    </message>
    <message>
        <source>&amp;Your name</source>
        <translation>&amp;Your name</translation>
    </message>
    <message>
        <source>&amp;User name for logging in</source>
        <translation>&amp;User name for logging in</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>Password &amp;again</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>e.g. 好邻居便利店</source>
        <translation>e.g. 好邻居便利店</translation>
    </message>
    <message>
        <source>at least 6 characters</source>
        <translation>at least 6 characters</translation>
    </message>
    <message>
        <source>e.g. 王老板 (shown on screen and receipts)</source>
        <translation>e.g. 王老板 (shown on screen and receipts)</translation>
    </message>
    <message>
        <source>Create the shop (Enter)</source>
        <translation>Create the shop (Enter)</translation>
    </message>
    <message>
        <source>The shop&apos;s data will be kept in {path}</source>
        <translation>The shop&apos;s data will be kept in {path}</translation>
    </message>
    <message>
        <source>Quit (Ctrl+Q)</source>
        <translation>Quit (Ctrl+Q)</translation>
    </message>
    <message>
        <source>Type the shop&apos;s name.</source>
        <translation>Type the shop&apos;s name.</translation>
    </message>
    <message>
        <source>Choose a user name.</source>
        <translation>Choose a user name.</translation>
    </message>
    <message>
        <source>The two passwords differ: type it again.</source>
        <translation>The two passwords differ: type it again.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Signed in: +{points} points.</source>
        <translation>Signed in: +{points} points.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>Sign-in · {name} ({member_no})</source>
        <translation>Sign-in · {name} ({member_no})</translation>
    </message>
    <message>
        <source>Day {streak} in a row</source>
        <translation>Day {streak} in a row</translation>
    </message>
    <message>
        <source>Points given: {points}</source>
        <translation>Points given: {points}</translation>
    </message>
    <message>
        <source>Streak bonus: {bonus}</source>
        <translation>Streak bonus: {bonus}</translation>
    </message>
    <message>
        <source>Points now: {points}</source>
        <translation>Points now: {points}</translation>
    </message>
</context>
<context>
    <name>SpecialForm</name>
    <message>
        <source>Type the product&apos;s code or barcode.</source>
        <translation>Type the product&apos;s code or barcode.</translation>
    </message>
    <message>
        <source>Type the special price in yuan, e.g. 2.50.</source>
        <translation>Type the special price in yuan, e.g. 2.50.</translation>
    </message>
    <message>
        <source>Type the time as YYYY-MM-DD HH:MM (shop time).</source>
        <translation>Type the time as YYYY-MM-DD HH:MM (shop time).</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>&amp;Members only</source>
        <translation>&amp;Members only</translation>
    </message>
    <message>
        <source>Pro&amp;duct</source>
        <translation>Pro&amp;duct</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>&amp;Price</translation>
    </message>
    <message>
        <source>&amp;To (not included)</source>
        <translation>&amp;To (not included)</translation>
    </message>
    <message>
        <source>T&amp;ier</source>
        <translation>T&amp;ier</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>Locked until {time}</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>The two passwords differ: type it again.</source>
        <translation>The two passwords differ: type it again.</translation>
    </message>
    <message>
        <source>Type a user name for logging in.</source>
        <translation>Type a user name for logging in.</translation>
    </message>
    <message>
        <source>{name} can now log in as {username} ({role}).</source>
        <translation>{name} can now log in as {username} ({role}).</translation>
    </message>
    <message>
        <source>{name}&apos;s password is changed; they log in with the new one.</source>
        <translation>{name}&apos;s password is changed; they log in with the new one.</translation>
    </message>
    <message>
        <source>{name} can log in again.</source>
        <translation>{name} can log in again.</translation>
    </message>
    <message>
        <source>{name} can no longer log in.</source>
        <translation>{name} can no longer log in.</translation>
    </message>
    <message>
        <source>Pick an account in the list to change it</source>
        <translation>Pick an account in the list to change it</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Staff accounts</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Add an account</source>
        <translation>Add an account</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>Password &amp;again</translation>
    </message>
    <message>
        <source>e.g. xiaowang</source>
        <translation>e.g. xiaowang</translation>
    </message>
    <message>
        <source>at least 6 characters</source>
        <translation>at least 6 characters</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Again</translation>
    </message>
    <message>
        <source>Set the password</source>
        <translation>Set the password</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>{path} is not a MemberDesk database file. Nothing was changed.</source>
        <translation>{path} is not a MemberDesk database file. Nothing was changed.</translation>
    </message>
    <message>
        <source>{path} is an SQLite database but not a MemberDesk shop. Nothing was changed.</source>
        <translation>{path} is an SQLite database but not a MemberDesk shop. Nothing was changed.</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of MemberDesk (schema {detail}). Please install the newer MemberDesk to open it. The file was not changed.</source>
        <translation>{path} was written by a newer version of MemberDesk (schema {detail}). Please install the newer MemberDesk to open it. The file was not changed.</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be opened ({detail}). Restore it from a backup with `memberdesk restore`.</source>
        <translation>{path} is damaged and cannot be opened ({detail}). Restore it from a backup with `memberdesk restore`.</translation>
    </message>
    <message>
        <source>{path} cannot be read: {detail}</source>
        <translation>{path} cannot be read: {detail}</translation>
    </message>
    <message>
        <source>{path} cannot be opened: {detail}</source>
        <translation>{path} cannot be opened: {detail}</translation>
    </message>
    <message>
        <source>MemberDesk cannot start</source>
        <translation>MemberDesk cannot start</translation>
    </message>
    <message>
        <source>The disk holding {path} is full: MemberDesk cannot open the shop. Nothing was changed. Free some space and start MemberDesk again.</source>
        <translation>The disk holding {path} is full: MemberDesk cannot open the shop. Nothing was changed. Free some space and start MemberDesk again.</translation>
    </message>
    <message>
        <source>{path} is busy: another program is holding it. Nothing was changed. Close the other program (or wait a moment) and start MemberDesk again.</source>
        <translation>{path} is busy: another program is holding it. Nothing was changed. Close the other program (or wait a moment) and start MemberDesk again.</translation>
    </message>
</context>
<context>
    <name>StatusFields</name>
    <message>
        <source>Reader: not connected</source>
        <translation>Reader: not connected</translation>
    </message>
    <message>
        <source>Reader: no service</source>
        <translation>Reader: no service</translation>
    </message>
    <message>
        <source>Reader: ready</source>
        <translation>Reader: ready</translation>
    </message>
    <message>
        <source>Reader: card present</source>
        <translation>Reader: card present</translation>
    </message>
    <message>
        <source>Printer: none</source>
        <translation>Printer: none</translation>
    </message>
    <message>
        <source>Printer: ready</source>
        <translation>Printer: ready</translation>
    </message>
    <message>
        <source>Printer: not working</source>
        <translation>Printer: not working</translation>
    </message>
    <message>
        <source>On duty: —</source>
        <translation>On duty: —</translation>
    </message>
    <message>
        <source>On duty: {name} ({role})</source>
        <translation>On duty: {name} ({role})</translation>
    </message>
    <message>
        <source>Shop: {name}</source>
        <translation>Shop: {name}</translation>
    </message>
    <message>
        <source>Shift: —</source>
        <translation>Shift: —</translation>
    </message>
    <message>
        <source>Shift: none open</source>
        <translation>Shift: none open</translation>
    </message>
    <message>
        <source>Shift: {shift_no}</source>
        <translation>Shift: {shift_no}</translation>
    </message>
    <message>
        <source>Backup: never</source>
        <translation>Backup: never</translation>
    </message>
    <message>
        <source>Backup: just now</source>
        <translation>Backup: just now</translation>
    </message>
    <message>
        <source>Backup: {age} ago</source>
        <translation>Backup: {age} ago</translation>
    </message>
    <message>
        <source>Backup: {when}</source>
        <translation>Backup: {when}</translation>
    </message>
    <message>
        <source>{count} min</source>
        <translation>{count} min</translation>
    </message>
    <message>
        <source>{count} h</source>
        <translation>{count} h</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} days</translation>
    </message>
</context>
<context>
    <name>StockActions</name>
    <message>
        <source>Type a whole number from {low} to {high}.</source>
        <translation>Type a whole number from {low} to {high}.</translation>
    </message>
    <message>
        <source>Type the reason for the count, e.g. month-end count.</source>
        <translation>Type the reason for the count, e.g. month-end count.</translation>
    </message>
    <message>
        <source>{name}: {qty} sent to {store}; {on_hand} left here.</source>
        <translation>{name}: {qty} sent to {store}; {on_hand} left here.</translation>
    </message>
    <message>
        <source>{name}: {qty} received, {on_hand} on hand.</source>
        <translation>{name}: {qty} received, {on_hand} on hand.</translation>
    </message>
    <message>
        <source>{name}: tracked from now on, {on_hand} on hand.</source>
        <translation>{name}: tracked from now on, {on_hand} on hand.</translation>
    </message>
    <message>
        <source>{name}: counted {on_hand}, difference {diff}.</source>
        <translation>{name}: counted {on_hand}, difference {diff}.</translation>
    </message>
    <message>
        <source>{name}: no low-stock level.</source>
        <translation>{name}: no low-stock level.</translation>
    </message>
    <message>
        <source>{name}: low at {low} or less.</source>
        <translation>{name}: low at {low} or less.</translation>
    </message>
    <message>
        <source>{name} is no longer tracked; its sales move no stock.</source>
        <translation>{name} is no longer tracked; its sales move no stock.</translation>
    </message>
</context>
<context>
    <name>StockModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>On hand</translation>
    </message>
    <message>
        <source>Low at</source>
        <translation>Low at</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Below zero</source>
        <translation>Below zero</translation>
    </message>
    <message>
        <source>Not tracked</source>
        <translation>Not tracked</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>Exporting the stock report…</source>
        <translation>Exporting the stock report…</translation>
    </message>
    <message>
        <source>Written: {files}</source>
        <translation>Written: {files}</translation>
    </message>
    <message>
        <source>Pick a product in the list</source>
        <translation>Pick a product in the list</translation>
    </message>
    <message>
        <source>{name} ({code}) is a service: no stock</source>
        <translation>{name} ({code}) is a service: no stock</translation>
    </message>
    <message>
        <source>{name} ({code}): not tracked — receive goods or count it to start</source>
        <translation>{name} ({code}): not tracked — receive goods or count it to start</translation>
    </message>
    <message>
        <source>{name} ({code}): {on_hand} {unit} on hand</source>
        <translation>{name} ({code}): {on_hand} {unit} on hand</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>{count} found</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>{count} shown, scroll for more</source>
        <translation>{count} shown, scroll for more</translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
    <message>
        <source>; {tracked} tracked, {low} low</source>
        <translation>; {tracked} tracked, {low} low</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>code or name</source>
        <translation>code or name</translation>
    </message>
    <message>
        <source>code, barcode, name or pinyin initials</source>
        <translation>code, barcode, name or pinyin initials</translation>
    </message>
    <message>
        <source>&amp;Low stock only</source>
        <translation>&amp;Low stock only</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>&amp;Receive</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>&amp;Counted</source>
        <translation>&amp;Counted</translation>
    </message>
    <message>
        <source>Re&amp;ason</source>
        <translation>Re&amp;ason</translation>
    </message>
    <message>
        <source>Lo&amp;w at</source>
        <translation>Lo&amp;w at</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>quantity</translation>
    </message>
    <message>
        <source>supplier, delivery note</source>
        <translation>supplier, delivery note</translation>
    </message>
    <message>
        <source>supplier, delivery note (optional)</source>
        <translation>supplier, delivery note (optional)</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>counted</translation>
    </message>
    <message>
        <source>e.g. month-end count</source>
        <translation>e.g. month-end count</translation>
    </message>
    <message>
        <source>e.g. month-end count, broken, expired</source>
        <translation>e.g. month-end count, broken, expired</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Receive goods</source>
        <translation>Receive goods</translation>
    </message>
    <message>
        <source>Post count</source>
        <translation>Post count</translation>
    </message>
    <message>
        <source>Save low-stock level</source>
        <translation>Save low-stock level</translation>
    </message>
    <message>
        <source>Stop tracking</source>
        <translation>Stop tracking</translation>
    </message>
    <message>
        <source>Export stock report (Ctrl+E)</source>
        <translation>Export stock report (Ctrl+E)</translation>
    </message>
</context>
<context>
    <name>StoreBar</name>
    <message>
        <source>All stores (read only)</source>
        <translation>All stores (read only)</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Store</translation>
    </message>
</context>
<context>
    <name>StoresPage</name>
    <message>
        <source>{name} (this computer)</source>
        <translation>{name} (this computer)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Store {code} is saved: {name}.</source>
        <translation>Store {code} is saved: {name}.</translation>
    </message>
    <message>
        <source>Store {code} ({name}) is closed.</source>
        <translation>Store {code} ({name}) is closed.</translation>
    </message>
    <message>
        <source>Store {code} ({name}) is open again.</source>
        <translation>Store {code} ({name}) is open again.</translation>
    </message>
    <message>
        <source>Store {code} ({name}) is open. Set up its tills with the store code {code}.</source>
        <translation>Store {code} ({name}) is open. Set up its tills with the store code {code}.</translation>
    </message>
    <message>
        <source>Network edition: members and their balances are shared by every store; sales, shifts and day closes are each store&apos;s. Staff with no store work in every store.</source>
        <translation>Network edition: members and their balances are shared by every store; sales, shifts and day closes are each store&apos;s. Staff with no store work in every store.</translation>
    </message>
    <message>
        <source>Single-machine edition: this shop has one store. More stores sharing their members need the network edition (网络版, data on a server).</source>
        <translation>Single-machine edition: this shop has one store. More stores sharing their members need the network edition (网络版, data on a server).</translation>
    </message>
    <message>
        <source>Pick a store in the list to change it</source>
        <translation>Pick a store in the list to change it</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Close the store</source>
        <translation>Close the store</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>Stores</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Own staff</source>
        <translation>Own staff</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Open a new store</source>
        <translation>Open a new store</translation>
    </message>
    <message>
        <source>Co&amp;de</source>
        <translation>Co&amp;de</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>e.g. B02</source>
        <translation>e.g. B02</translation>
    </message>
    <message>
        <source>e.g. Renmin Road</source>
        <translation>e.g. Renmin Road</translation>
    </message>
    <message>
        <source>Open the store</source>
        <translation>Open the store</translation>
    </message>
</context>
<context>
    <name>SuggestionBar</name>
    <message>
        <source>Due:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <source>Often bought with these:</source>
        <translation>Often bought with these:</translation>
    </message>
    <message>
        <source>{name}: add to the cart ({key})</source>
        <translation>{name}: add to the cart ({key})</translation>
    </message>
</context>
<context>
    <name>SystemLog</name>
    <message>
        <source>The folder could not be opened: {folder}</source>
        <translation>The folder could not be opened: {folder}</translation>
    </message>
    <message>
        <source>Nothing at this level. The log is in {folder}</source>
        <translation>Nothing at this level. The log is in {folder}</translation>
    </message>
    <message numerus="yes">
        <source>The newest %n record(s); older ones are in {folder}</source>
        <translation>
            <numerusform>The newest %n record; older ones are in {folder}</numerusform>
            <numerusform>The newest %n records; older ones are in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s), from {folder}</source>
        <translation>
            <numerusform>%n record, from {folder}</numerusform>
            <numerusform>%n records, from {folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>&amp;Level</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Everything</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>Information and above</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnings and errors</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <source>Read again (F5)</source>
        <translation>Read again (F5)</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Open the log folder</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Done (Esc)</source>
        <translation>Done (Esc)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>TemplatesPanel</name>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>Templates saved.</source>
        <translation>Templates saved.</translation>
    </message>
    <message>
        <source>Sending a test message…</source>
        <translation>Sending a test message…</translation>
    </message>
    <message>
        <source>The test message was sent to {phone}.</source>
        <translation>The test message was sent to {phone}.</translation>
    </message>
    <message>
        <source> (promotional)</source>
        <translation> (promotional)</translation>
    </message>
    <message>
        <source>Template code</source>
        <translation>Template code</translation>
    </message>
    <message>
        <source>Text (empty: the default in grey)</source>
        <translation>Text (empty: the default in grey)</translation>
    </message>
    <message>
        <source>Placeholders: {list}. Promotional messages go only to members who agreed, from 08:00 to 21:00, and end with 拒收请回复R. The provider, keys and signature are on the Settings page (Text messages).</source>
        <translation>Placeholders: {list}. Promotional messages go only to members who agreed, from 08:00 to 21:00, and end with 拒收请回复R. The provider, keys and signature are on the Settings page (Text messages).</translation>
    </message>
    <message>
        <source>Save templates</source>
        <translation>Save templates</translation>
    </message>
    <message>
        <source>Test to phone</source>
        <translation>Test to phone</translation>
    </message>
    <message>
        <source>Send a test message</source>
        <translation>Send a test message</translation>
    </message>
    <message>
        <source>Only the owner can change templates and send tests.</source>
        <translation>Only the owner can change templates and send tests.</translation>
    </message>
</context>
<context>
    <name>Tenders</name>
    <message>
        <source>Stored value</source>
        <translation>Stored value</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>Bank card</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>WeChat Pay</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>Alipay</translation>
    </message>
</context>
<context>
    <name>TimeZones</name>
    <message>
        <source>American Samoa</source>
        <translation>American Samoa</translation>
    </message>
    <message>
        <source>Hawaii</source>
        <translation>Hawaii</translation>
    </message>
    <message>
        <source>São Paulo, Buenos Aires</source>
        <translation>São Paulo, Buenos Aires</translation>
    </message>
    <message>
        <source>Moscow, Istanbul, Riyadh</source>
        <translation>Moscow, Istanbul, Riyadh</translation>
    </message>
    <message>
        <source>Tehran</source>
        <translation>Tehran</translation>
    </message>
    <message>
        <source>Dubai</source>
        <translation>Dubai</translation>
    </message>
    <message>
        <source>Kabul</source>
        <translation>Kabul</translation>
    </message>
    <message>
        <source>Karachi, Tashkent</source>
        <translation>Karachi, Tashkent</translation>
    </message>
    <message>
        <source>India, Sri Lanka</source>
        <translation>India, Sri Lanka</translation>
    </message>
    <message>
        <source>Nepal</source>
        <translation>Nepal</translation>
    </message>
    <message>
        <source>Myanmar</source>
        <translation>Myanmar</translation>
    </message>
    <message>
        <source>Bangkok, Hanoi, Jakarta</source>
        <translation>Bangkok, Hanoi, Jakarta</translation>
    </message>
    <message>
        <source>Beijing time (China)</source>
        <translation>Beijing time (China)</translation>
    </message>
    <message>
        <source>Tokyo, Seoul</source>
        <translation>Tokyo, Seoul</translation>
    </message>
    <message>
        <source>Solomon Islands</source>
        <translation>Solomon Islands</translation>
    </message>
    <message>
        <source>Tonga, Samoa</source>
        <translation>Tonga, Samoa</translation>
    </message>
    <message>
        <source>Line Islands (Kiribati)</source>
        <translation>Line Islands (Kiribati)</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Arizona (Phoenix)</source>
        <translation>Arizona (Phoenix)</translation>
    </message>
    <message>
        <source>Mexico City, Costa Rica</source>
        <translation>Mexico City, Costa Rica</translation>
    </message>
    <message>
        <source>Bogotá, Lima, Panama</source>
        <translation>Bogotá, Lima, Panama</translation>
    </message>
    <message>
        <source>Caracas, La Paz</source>
        <translation>Caracas, La Paz</translation>
    </message>
    <message>
        <source>Cape Verde</source>
        <translation>Cape Verde</translation>
    </message>
    <message>
        <source>Reykjavík, Accra</source>
        <translation>Reykjavík, Accra</translation>
    </message>
    <message>
        <source>Lagos, Algiers</source>
        <translation>Lagos, Algiers</translation>
    </message>
    <message>
        <source>Johannesburg</source>
        <translation>Johannesburg</translation>
    </message>
    <message>
        <source>Dhaka, Bishkek</source>
        <translation>Dhaka, Bishkek</translation>
    </message>
    <message>
        <source>Darwin</source>
        <translation>Darwin</translation>
    </message>
    <message>
        <source>Brisbane, Guam, Vladivostok</source>
        <translation>Brisbane, Guam, Vladivostok</translation>
    </message>
    <message>
        <source>Fiji, Kamchatka</source>
        <translation>Fiji, Kamchatka</translation>
    </message>
    <message>
        <source>Default: {zone}. The shop&apos;s “today” for the day close, reports and expiry is counted in it. The clock keeps this offset all year: places with summer time are not listed.</source>
        <translation>Default: {zone}. The shop&apos;s “today” for the day close, reports and expiry is counted in it. The clock keeps this offset all year: places with summer time are not listed.</translation>
    </message>
</context>
<context>
    <name>TiersTab</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>every tier</source>
        <translation>every tier</translation>
    </message>
    <message>
        <source>Tier {name} is added; products have a price field for it now.</source>
        <translation>Tier {name} is added; products have a price field for it now.</translation>
    </message>
    <message>
        <source>Tier {name} is saved.</source>
        <translation>Tier {name} is saved.</translation>
    </message>
    <message>
        <source>Tier {name} is active again.</source>
        <translation>Tier {name} is active again.</translation>
    </message>
    <message>
        <source>Tier {name} is deactivated.</source>
        <translation>Tier {name} is deactivated.</translation>
    </message>
    <message>
        <source>Type the least recharge the offer is for.</source>
        <translation>Type the least recharge the offer is for.</translation>
    </message>
    <message>
        <source>Recharge {threshold} get {bonus}</source>
        <translation>Recharge {threshold} get {bonus}</translation>
    </message>
    <message>
        <source>The offer {name} is added; recharges at the counter get it now.</source>
        <translation>The offer {name} is added; recharges at the counter get it now.</translation>
    </message>
    <message>
        <source>The offer {name} has ended.</source>
        <translation>The offer {name} has ended.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Share paid</source>
        <translation>Share paid</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Upgrade at</source>
        <translation>Upgrade at</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>&amp;Order</translation>
    </message>
    <message>
        <source>Share &amp;paid</source>
        <translation>Share &amp;paid</translation>
    </message>
    <message>
        <source>Poin&amp;ts ×</source>
        <translation>Poin&amp;ts ×</translation>
    </message>
    <message>
        <source>&amp;Upgrade at</source>
        <translation>&amp;Upgrade at</translation>
    </message>
    <message>
        <source>What a member of this tier pays when a product has no member price: 95% = 5% off (九五折)</source>
        <translation>What a member of this tier pays when a product has no member price: 95% = 5% off (九五折)</translation>
    </message>
    <message>
        <source>spend to reach it</source>
        <translation>spend to reach it</translation>
    </message>
    <message>
        <source>e.g. gold</source>
        <translation>e.g. gold</translation>
    </message>
    <message>
        <source>New (Ctrl+N)</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Recharge</source>
        <translation>Recharge</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>Coupon</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>New offer: a recharge of at least the amount gets the bonus</source>
        <translation>New offer: a recharge of at least the amount gets the bonus</translation>
    </message>
    <message>
        <source>&amp;Recharge</source>
        <translation>&amp;Recharge</translation>
    </message>
    <message>
        <source>&amp;Bonus</source>
        <translation>&amp;Bonus</translation>
    </message>
    <message>
        <source>Bonus p&amp;oints</source>
        <translation>Bonus p&amp;oints</translation>
    </message>
    <message>
        <source>Co&amp;upon</source>
        <translation>Co&amp;upon</translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation>&amp;Tier</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>U&amp;ntil</source>
        <translation>U&amp;ntil</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>N&amp;ame</translation>
    </message>
    <message>
        <source>e.g. 充100送20 (made up if empty)</source>
        <translation>e.g. 充100送20 (made up if empty)</translation>
    </message>
    <message>
        <source>First day; empty: from today</source>
        <translation>First day; empty: from today</translation>
    </message>
    <message>
        <source>Last day, included; empty: until ended</source>
        <translation>Last day, included; empty: until ended</translation>
    </message>
    <message>
        <source>End the offer</source>
        <translation>End the offer</translation>
    </message>
    <message>
        <source>Add the offer</source>
        <translation>Add the offer</translation>
    </message>
</context>
<context>
    <name>TotalsPanel</name>
    <message>
        <source>Totals</source>
        <translation>Totals</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>Amount due</translation>
    </message>
</context>
<context>
    <name>TransferRow</name>
    <message>
        <source>&amp;Transfer</source>
        <translation>&amp;Transfer</translation>
    </message>
    <message>
        <source>to stor&amp;e</source>
        <translation>to stor&amp;e</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>quantity</translation>
    </message>
    <message>
        <source>Send to store</source>
        <translation>Send to store</translation>
    </message>
</context>
<context>
    <name>UnsavedProduct</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Product “{name}” has unsaved changes.</source>
        <translation>Product “{name}” has unsaved changes.</translation>
    </message>
    <message>
        <source>Save them before going on? Cancel goes back to the form, as typed.</source>
        <translation>Save them before going on? Cancel goes back to the form, as typed.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>new product</source>
        <translation>new product</translation>
    </message>
</context>
<context>
    <name>CartRestore</name>
    <message numerus="yes">
        <source>Cart cleared: %n item(s) ({amount}). Press Ctrl+Z to bring it back.</source>
        <translation>
            <numerusform>Cart cleared: %n item ({amount}). Press Ctrl+Z to bring it back.</numerusform>
            <numerusform>Cart cleared: %n items ({amount}). Press Ctrl+Z to bring it back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The cart is back: %n item(s).</source>
        <translation>
            <numerusform>The cart is back: %n item.</numerusform>
            <numerusform>The cart is back: %n items.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskCalls</name>
    <message>
        <source>A manager&apos;s approval is needed: the manager types their name and password in the box that opened.</source>
        <translation>A manager&apos;s approval is needed: the manager types their name and password in the box that opened.</translation>
    </message>
</context>
</TS>
