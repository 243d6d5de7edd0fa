; panelapp (考核组评分台) installer: NSIS 3, per-user, Simplified Chinese.
;
;   makensis -DVERSION=0.1.0 -DSRCDIR=dist/panelapp -DOUTFILE=dist/panelapp-0.1.0-setup.exe packaging/installer.nsi
;
; SRCDIR is PyInstaller's one-folder output (panelapp.exe + _internal/). Relative paths are
; relative to this file's folder (makensis changes into it).
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

Unicode true
Target amd64-unicode ; an x86 stub does nothing under wine64 and still exits 0: keep amd64

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
!macro REFUSE_WHILE_RUNNING ID
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    retry_${ID}:
    ClearErrors
    FileOpen $0 "$INSTDIR\${EXE}" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_ZH}正在运行。$\r$\n请先保存并关闭它，然后单击“重试”。" /SD IDCANCEL IDRETRY retry_${ID}
      SetErrorLevel 2
      Quit
    ${EndIf}
    FileClose $0
  ${EndIf}
!macroend

; ---------------------------------------------------------------- install
Section "!${APP_ZH}（必需）" SecMain
  SectionIn RO
  !insertmacro REFUSE_WHILE_RUNNING install
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the bundle entirely, so no file of an older version lingers.
  RMDir /r "$INSTDIR\_internal"
  File "${SRCDIR}\${EXE}"
  File /r "${SRCDIR}\_internal"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP_ZH}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

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
  !insertmacro REFUSE_WHILE_RUNNING uninstall
  Delete "$SMPROGRAMS\${APP_ZH}.lnk"
  Delete "$DESKTOP\${APP_ZH}.lnk"
  ; Only what the installer put there: a user-chosen folder may hold other files.
  Delete "$INSTDIR\${EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"

  ${If} $RemoveData == 1
    RMDir /r "${DATA_DIR}"
    DeleteRegKey HKCU "${SETTINGS_KEY}"
  ${EndIf}
SectionEnd
