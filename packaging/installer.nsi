; panelapp (考核组评分台) installer: NSIS 3, per-user, Simplified Chinese.
;
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DSRCDIR=dist/panelapp -DOUTFILE=dist/panelapp-0.1.0-setup.exe packaging/installer.nsi
;
;   (-INPUTCHARSET UTF8: this file has no BOM, and makensis on Windows would otherwise read
;   it in the ANSI code page and store the Chinese texts as mojibake)
;
; SRCDIR is PyInstaller's one-folder output (panelapp.exe, its console twin panelapp-cli.exe,
; _internal/ with resources/licenses/). Relative paths are relative to this file's folder
; (makensis changes into it).
;
; Installs for the current user only (no administrator rights) into
; %LOCALAPPDATA%\Programs\panelapp, with a Start-menu shortcut, an optional desktop shortcut
; and an uninstall entry under HKCU.
;
; Command line:
;   setup.exe /S                      silent install (Start-menu and desktop shortcuts)
;   setup.exe /S /D=C:\path           silent install elsewhere (/D= must come last)
;   uninstall.exe /S                  silent uninstall; KEEPS the user's data folder
;   uninstall.exe /S /REMOVEDATA      silent uninstall that also deletes the user's data folder
; The user's data (database, backups, attachments) lives in %LOCALAPPDATA%\panelapp
; (platformdirs.user_data_dir("panelapp", appauthor=False)), outside the install folder.

Unicode true ; wide-char registry and file APIs: DisplayName is stored as Chinese UTF-16

; The program is x64 (the build scripts check panelapp.exe's PE header); the installer stub
; need not be. Debian's nsis (the Wine route) ships amd64-unicode stubs and plug-ins, and
; under wine64 only a 64-bit setup.exe runs at all (an x86 stub does nothing yet exits 0, so
; build-windows-on-linux.sh insists on an x64 setup.exe and checks every installed file).
; The official NSIS build (choco on windows-latest) has x86-unicode only: a 32-bit installer
; installs the x64 program just as well for one user, because WOW64 redirects neither
; HKCU\Software nor %LOCALAPPDATA%; .onInit refuses a 32-bit Windows. -DTARGET=... forces one.
!ifndef TARGET
  !if /FileExists "${NSISDIR}/Stubs/lzma_solid-amd64-unicode"
    !if /FileExists "${NSISDIR}/Plugins/amd64-unicode/nsDialogs.dll"
      !define TARGET "amd64-unicode"
    !endif
  !endif
  !ifndef TARGET
    !define TARGET "x86-unicode"
  !endif
!endif
Target ${TARGET}
!echo "installer stub: ${TARGET}"

!ifndef VERSION
  !error "pass the app version: makensis -DVERSION=x.y.z"
!endif
!ifndef SRCDIR
  !define SRCDIR "..\dist\panelapp"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\panelapp-${VERSION}-setup.exe"
!endif
!ifndef VIVERSION ; four numbers for the version resource
  !define VIVERSION "${VERSION}.0"
!endif

!define APP "panelapp"
!define APP_ZH "考核组评分台"
!define EXE "panelapp.exe"
!define CLI_EXE "panelapp-cli.exe" ; the console twin (same program) for cmd.exe / PowerShell
!define CLI_LNK "${APP_ZH}（命令行）.lnk"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define DATA_DIR "$LOCALAPPDATA\${APP}"
!define SETTINGS_KEY "Software\${APP}" ; QSettings' registry home, removed with the data

Name "${APP_ZH}"
Caption "${APP_ZH} ${VERSION} 安装"
UninstallCaption "${APP_ZH} ${VERSION} 卸载"
BrandingText "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
RequestExecutionLevel user
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 64
ShowInstDetails nevershow
ShowUninstDetails nevershow

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include nsDialogs.nsh
!include x64.nsh

!define MUI_ICON "..\resources\icons\panelapp.ico"
!define MUI_UNICON "..\resources\icons\panelapp.ico"
!define MUI_WELCOMEFINISHPAGE_BITMAP "installer-side.bmp" ; drawn by make_icon.py
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC

; ---------------------------------------------------------------- installer pages
!define MUI_WELCOMEPAGE_TEXT "将为当前用户安装 ${APP_ZH} ${VERSION}。$\r$\n$\r$\n无需管理员权限，也无需联网。评分数据保存在$\r$\n%LOCALAPPDATA%\${APP}，升级或卸载程序都不会删除它。$\r$\n$\r$\n单击“下一步”继续。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "启动 ${APP_ZH}"
!insertmacro MUI_PAGE_FINISH

; ---------------------------------------------------------------- uninstaller pages
!insertmacro MUI_UNPAGE_CONFIRM
UninstPage custom un.DataPageShow un.DataPageLeave
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${VIVERSION}"
VIFileVersion "${VIVERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_ZH}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_ZH} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${APP}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "${APP}"

; ---------------------------------------------------------------- running app
; Replacing or deleting the files of a running panelapp would leave a half-old bundle. A
; running exe cannot be opened for writing on Windows, which tells us it is running.
!macro REFUSE_WHILE_RUNNING ID FILE
  ${If} ${FileExists} "$INSTDIR\${FILE}"
    retry_${ID}:
    ClearErrors
    FileOpen $0 "$INSTDIR\${FILE}" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_ZH}正在运行。$\r$\n请先保存并关闭它，然后单击“重试”。" /SD IDCANCEL IDRETRY retry_${ID}
      SetErrorLevel 2
      Quit
    ${EndIf}
    FileClose $0
  ${EndIf}
!macroend

; ---------------------------------------------------------------- install
Function .onInit
  ; panelapp.exe is x64: an x86-unicode stub must not install it on a 32-bit Windows.
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "${APP_ZH}需要 64 位 Windows 10 或更新版本。" /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
FunctionEnd

Section "!${APP_ZH}（必需）" SecMain
  SectionIn RO
  !insertmacro REFUSE_WHILE_RUNNING install ${EXE}
  !insertmacro REFUSE_WHILE_RUNNING install_cli ${CLI_EXE}
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the bundle entirely, so no file of an older version lingers.
  RMDir /r "$INSTDIR\_internal"
  File "${SRCDIR}\${EXE}"
  File "${SRCDIR}\${CLI_EXE}"
  File /r "${SRCDIR}\_internal"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP_ZH}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  ; A command prompt in the program folder (the shortcut starts in $OUTDIR = $INSTDIR) that
  ; lists the commands: IT staff type "panelapp-cli verify-pdf ..." from there.
  CreateShortCut "$SMPROGRAMS\${CLI_LNK}" "$SYSDIR\cmd.exe" "/k ${CLI_EXE} --help" "$INSTDIR\${CLI_EXE}" 0

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_ZH} (${APP})"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${APP}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "桌面快捷方式" SecDesktop
  CreateShortCut "$DESKTOP\${APP_ZH}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
SectionEnd

; ---------------------------------------------------------------- uninstall
Var RemoveData
Var RemoveDataBox

Function un.onInit
  StrCpy $RemoveData 0
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/REMOVEDATA" $R1
  ${IfNot} ${Errors}
    StrCpy $RemoveData 1
  ${EndIf}
FunctionEnd

Function un.DataPageShow
  !insertmacro MUI_HEADER_TEXT "评分数据" "选择是否同时删除评分数据。"
  nsDialogs::Create 1018
  Pop $0
  ${NSD_CreateLabel} 0 0 100% 60u "评分数据（数据库、自动备份、附件）保存在：$\r$\n${DATA_DIR}$\r$\n$\r$\n默认保留这些数据：以后重新安装即可继续使用。"
  Pop $0
  ${NSD_CreateCheckbox} 0 70u 100% 12u "同时删除我的评分数据（不可恢复）"
  Pop $RemoveDataBox
  ${If} $RemoveData == 1
    ${NSD_Check} $RemoveDataBox
  ${EndIf}
  nsDialogs::Show
FunctionEnd

Function un.DataPageLeave
  ${NSD_GetState} $RemoveDataBox $0
  ${If} $0 == ${BST_CHECKED}
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "确定要删除全部评分数据吗？$\r$\n${DATA_DIR}$\r$\n删除后无法恢复。" IDYES +2
    Abort
    StrCpy $RemoveData 1
  ${Else}
    StrCpy $RemoveData 0
  ${EndIf}
FunctionEnd

Section "Uninstall"
  !insertmacro REFUSE_WHILE_RUNNING uninstall ${EXE}
  !insertmacro REFUSE_WHILE_RUNNING uninstall_cli ${CLI_EXE}
  Delete "$SMPROGRAMS\${APP_ZH}.lnk"
  Delete "$SMPROGRAMS\${CLI_LNK}"
  Delete "$DESKTOP\${APP_ZH}.lnk"
  ; Only what the installer put there: a user-chosen folder may hold other files.
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"

  ${If} $RemoveData == 1
    RMDir /r "${DATA_DIR}"
    DeleteRegKey HKCU "${SETTINGS_KEY}"
  ${EndIf}
SectionEnd
