; Inno Setup 6 script for Wijkapp: a per-user installer (no administrator needed).
; Built by:  python packaging\build.py installer
; or by hand: iscc /DAppVersion=0.1.0 /DSourceDir=dist\Wijkapp /DOutputDir=dist packaging\windows\wijkapp.iss
;
; * installs into %LOCALAPPDATA%\Programs\Wijkapp, a Start-menu entry (desktop icon optional);
; * registers the exchange file type .wijkapp (JSON inside; see packaging\README.md);
; * the uninstaller removes the program and keeps the user's data, unless the user says so.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\Wijkapp"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "Wijkapp"
#define AppExe "Wijkapp.exe"
#define FileClass "Wijkapp.Uitwisselbestand"

[Setup]
; Keep AppId for ever: Windows finds earlier installs (updates, uninstall) by it.
AppId={{F21DBCE5-3AD3-44AB-8B08-BC2A80AF4CA1}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Wijkapp
AppComments=Vergaderen, notuleren en opvolgen voor een wijkplatform
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} installatie
VersionInfoCopyright=GPL-3.0-or-later
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\..\resources\icons\wijkapp.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#OutputDir}
OutputBaseFilename=Wijkapp-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
dutch.DesktopIcon=Een snelkoppeling op het bureaublad
english.DesktopIcon=A shortcut on the desktop
dutch.ExchangeFile=Wijkapp-uitwisselbestand
english.ExchangeFile=Wijkapp exchange file
dutch.StartNow=Wijkapp nu openen
english.StartNow=Open Wijkapp now
dutch.RemoveData=Wilt u ook uw eigen gegevens verwijderen?%n%nDat zijn alle vergaderingen, verslagen, actiepunten en reservekopieën van Wijkapp op deze computer. Dit kan niet ongedaan worden gemaakt.%n%nKies Nee als u twijfelt: dan blijven uw gegevens bewaard.
english.RemoveData=Also remove your own data?%n%nThat is every meeting, minutes, action and backup of Wijkapp on this computer. This cannot be undone.%n%nChoose No when in doubt: your data will then be kept.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder build (already pruned by build.py).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the bundled libraries completely (never a mix of two versions).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; The exchange file: *.wijkapp opens with Wijkapp, which asks before reading it in.
; (HKA = HKCU for a per-user install, HKLM when an administrator installs for everyone.)
Root: HKA; Subkey: "Software\Classes\.wijkapp"; ValueType: string; ValueName: ""; ValueData: "{#FileClass}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.wijkapp"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-wijkapp"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#FileClass}"; ValueType: string; ValueName: ""; ValueData: "{cm:ExchangeFile}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#FileClass}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#FileClass}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".wijkapp"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:StartNow}"; Flags: nowait postinstall skipifsilent

[Code]
{ The data lives where wijkapp/paths.py and ui/preferences.py put it (platformdirs):
  the database and its backups in %LOCALAPPDATA%\Wijkapp, the preferences in
  %APPDATA%\Wijkapp. Kept unless the user says Yes; never asked in a silent uninstall. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
  begin
    if MsgBox(CustomMessage('RemoveData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
    begin
      DelTree(ExpandConstant('{localappdata}\Wijkapp'), True, True, True);
      DelTree(ExpandConstant('{userappdata}\Wijkapp'), True, True, True);
    end;
  end;
end;
