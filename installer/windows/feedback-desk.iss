; Inno Setup script: the Windows installer of Feedback Desk, from the frozen app in
; dist\feedback-desk (installer\build.sh). Build it on Windows with Inno Setup 6.3 or newer:
;   iscc /DAppVersion=0.1.0 installer\windows\feedback-desk.iss
; → dist\Feedback-Desk-0.1.0-windows-setup.exe
;
; Installs for the current user only, without administrator rights, in
; %LOCALAPPDATA%\Programs\Feedback Desk, with a Start-menu entry. The studio's data lives
; elsewhere (%LOCALAPPDATA%\FeedbackDesk\Feedback Desk: the store, the logs, the demo), is never
; installed by this script, and so the uninstaller leaves it in place.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Feedback Desk"
; The application id of every installer (src/feedback_desk/__init__.py: APP_ID).
#define AppId "ca.feedbackdesk.FeedbackDesk"
#define Built "..\..\dist\feedback-desk"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Per user, no elevation: {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=Feedback-Desk-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\generated\feedback-desk.ico
UninstallDisplayIcon={app}\feedback-desk-gui.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An open window of the app is closed (and reopened) rather than overwritten in use.
CloseApplications=yes
RestartApplications=yes

[Languages]
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Built}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the whole program folder: no file of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\feedback-desk-gui.exe"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\feedback-desk-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\feedback-desk-gui.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[CustomMessages]
fr.AppComment=Recueillir, comprendre et suivre l'avis des clients du studio
en.AppComment=Collect, understand and act on what the studio's clients think

; No [UninstallDelete]: the uninstaller removes what it installed ({app}) and nothing else, so
; the data folder (stores, logs, settings) stays for a later install.
