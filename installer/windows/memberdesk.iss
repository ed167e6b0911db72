; Inno Setup 6 script: installs the PyInstaller folder build of MemberDesk.
; Build the folder first (`make installer`, or pyinstaller on Windows, see
; installer/README.md), then compile this script on Windows:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\windows\memberdesk.iss
; Optional: /DAppVersion=0.2.0  /DDistDir=C:\path\to\dist\MemberDesk
; Output: build\installer\MemberDesk-<version>-setup.exe
; This file is UTF-8 with a BOM (Inno reads a file without one as ANSI).
;
; The shop's data (database, backups, logs) lives in %LOCALAPPDATA%\MemberDesk of
; the Windows user who runs MemberDesk, or wherever MEMBERDESK_HOME / --data-dir
; point. This installer never writes there, and the uninstaller removes only the
; files it installed under {app}: an upgrade or an uninstall leaves the shop alone.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef DistDir
  #define DistDir "..\..\build\installer\dist\MemberDesk"
#endif
; Recent Inno Setup 6 releases ship ChineseSimplified.isl; older ones only have it
; among the unofficial translations (copy it into Inno's Languages folder).
; Without it the installer is English only.
#define HaveChinese FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")

[Setup]
AppId={{B5E2EA49-1D2A-4CC1-9032-798976B75349}
AppName=MemberDesk
AppVersion={#AppVersion}
AppVerName=MemberDesk {#AppVersion}
AppPublisher=MemberDesk
DefaultDirName={autopf}\MemberDesk
DefaultGroupName=MemberDesk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build\installer
OutputBaseFilename=MemberDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
UninstallDisplayIcon={app}\MemberDesk.exe
UninstallDisplayName=MemberDesk {#AppVersion}

[Languages]
#if HaveChinese
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.ShortcutName=MemberDesk
english.CliShortcutName=MemberDesk command line
#if HaveChinese
chinesesimplified.ShortcutName=MemberDesk 会员收银
chinesesimplified.CliShortcutName=MemberDesk 命令行
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the program folder's libraries wholesale (no stale modules).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:ShortcutName}"; Filename: "{app}\MemberDesk.exe"
Name: "{group}\{cm:CliShortcutName}"; Filename: "{cmd}"; Parameters: "/k ""{app}\memberdesk-cli.exe"" --help"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,MemberDesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:ShortcutName}"; Filename: "{app}\MemberDesk.exe"; Tasks: desktopicon

[Run]
; postinstall entries run as the user who started Setup, not the elevated admin.
Filename: "{app}\MemberDesk.exe"; Description: "{cm:LaunchProgram,MemberDesk}"; Flags: nowait postinstall skipifsilent
