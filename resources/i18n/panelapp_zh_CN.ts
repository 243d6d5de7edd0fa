<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/panelapp/ui/about.py" line="+37"/>
        <source>关于</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>考核组评分台 panelapp {version}</source>
        <translation>考核组评分台 panelapp {version}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>按合同附件2、附件3的考核办法评分。
本程序包含以下开源组件，各自按其许可证提供；选择一项即可查看许可证全文。
Qt 库（PySide6、shiboken6）按 LGPL-3.0 提供：它们是安装目录 _internal 下单独的 DLL 文件，可以换成您自己编译或修改的兼容版本。</source>
        <translation>按合同附件2、附件3的考核办法评分。
本程序包含以下开源组件，各自按其许可证提供；选择一项即可查看许可证全文。
Qt 库（PySide6、shiboken6）按 LGPL-3.0 提供：它们是安装目录 _internal 下单独的 DLL 文件，可以换成您自己编译或修改的兼容版本。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>无法读取许可证文件 {path}：{error}</source>
        <translation>无法读取许可证文件 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/panelapp/ui/app.py" line="+24"/>
        <source>无法打开数据库</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>无法恢复</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{error}

{summary}</source>
        <translation>{error}

{summary}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>数据库已损坏</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{error}

是否用最近的完好备份恢复？
{backup}

{summary}
（损坏的文件会先另存一份，不会删除。）</source>
        <translation>{error}

是否用最近的完好备份恢复？
{backup}

{summary}
（损坏的文件会先另存一份，不会删除。）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>恢复失败</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>panelapp：没有可用的图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。
请在桌面会话中启动；无界面时可用子命令（panelapp score / export-pdf / verify-db …，见 panelapp --help），或用 panelapp --self-test 在后台自检。</source>
        <translation>panelapp：没有可用的图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。
请在桌面会话中启动；无界面时可用子命令（panelapp score / export-pdf / verify-db …，见 panelapp --help），或用 panelapp --self-test 在后台自检。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>panelapp：无法写日志：{error}</source>
        <translation>panelapp：无法写日志：{error}</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../../src/panelapp/ui/widgets/attachments.py" line="+63"/>
        <source>附件：</source>
        <translation>附件：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>添加附件…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>打开/预览</source>
        <translation>打开/预览</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>移除</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>可将文件拖放到表格中的某一行上作为附件</source>
        <translation>可将文件拖放到表格中的某一行上作为附件</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>附件：请选择一行（或把文件拖到行上）</source>
        <translation>附件：请选择一行（或把文件拖到行上）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>附件（{n}）：</source>
        <translation>附件（{n}）：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>附件：无，可拖放文件到该行</source>
        <translation>附件：无，可拖放文件到该行</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>选择附件</source>
        <translation>选择附件</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/fields.py" line="+153"/>
        <source>请选择“{label}”</source>
        <translation>请选择“{label}”</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../src/panelapp/ui/crash.py" line="+44"/>
        <source>程序出错</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;刚才的操作没有完成：程序内部出错（{kind}）。&lt;/b&gt;</source>
        <translation>&lt;b&gt;刚才的操作没有完成：程序内部出错（{kind}）。&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已保存的数据不受影响：每一次修改在完成时就已写入数据库，这次出错的操作如未完成则没有写入。可以继续使用，或关闭后重新打开。</source>
        <translation>已保存的数据不受影响：每一次修改在完成时就已写入数据库，这次出错的操作如未完成则没有写入。可以继续使用，或关闭后重新打开。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>详细信息已写入日志文件：
{path}
请把日志或下面的详细信息发给维护人员。</source>
        <translation>详细信息已写入日志文件：
{path}
请把日志或下面的详细信息发给维护人员。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（未启用日志）</source>
        <translation>（未启用日志）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>复制详细信息</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开日志文件夹</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/panelapp/ui/selftest.py" line="+301"/>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>已复制</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/fields.py" line="+28"/>
        <source>日历</source>
        <translation>日历</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>从日历选择</source>
        <translation>从日历选择</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>无</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>如 2025-01-15 或 1-15</source>
        <translation>如 2025-01-15 或 1-15</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>请填写“{label}”，或勾选“{none}”</source>
        <translation>请填写“{label}”，或勾选“{none}”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请填写“{label}”</source>
        <translation>请填写“{label}”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{label}”：{problem}</source>
        <translation>“{label}”：{problem}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{label}”须在 {range} 之间（填写的是 {value}）</source>
        <translation>“{label}”须在 {range} 之间（填写的是 {value}）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{lo} 至 {hi}</source>
        <translation>{lo} 至 {hi}</translation>
    </message>
</context>
<context>
    <name>DateTimeField</name>
    <message>
        <location line="+53"/>
        <source>如 1-15 9:00</source>
        <translation>如 1-15 9:00</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../src/panelapp/ui/errors.py" line="+22"/>
        <source>文件操作失败：{file} {reason}</source>
        <translation>文件操作失败：{file} {reason}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>确定</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>EvidenceActions</name>
    <message>
        <location filename="../../src/panelapp/ui/actions.py" line="+67"/>
        <source>无法保存</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>复制{kind}</source>
        <translation>复制{kind}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>删除{n}条{kind}</source>
        <translation>删除{n}条{kind}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>无法删除</source>
        <translation>无法删除</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>未保存</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>标记免报周必须写明理由。</source>
        <translation>标记免报周必须写明理由。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>标记免报周</source>
        <translation>标记免报周</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>取消免报周</source>
        <translation>取消免报周</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>第{n}周巡检报告</source>
        <translation>第{n}周巡检报告</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>添加{n}个附件</source>
        <translation>添加{n}个附件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>正在添加附件 {name}…</source>
        <translation>正在添加附件 {name}…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>正在添加{n}个附件…</source>
        <translation>正在添加{n}个附件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法添加附件</source>
        <translation>无法添加附件</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+15"/>
        <source>无法读取附件</source>
        <translation>无法读取附件</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>正在读取附件 {name}…</source>
        <translation>正在读取附件 {name}…</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/evidence_form.py" line="+31"/>
        <source>修改{kind}</source>
        <translation>修改{kind}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新增{kind}</source>
        <translation>新增{kind}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>请先改正标红的项目；未保存任何内容。</source>
        <translation>请先改正标红的项目；未保存任何内容。</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../src/panelapp/ui/models/base.py" line="+43"/>
        <source>{n} 个</source>
        <translation>{n} 个</translation>
    </message>
    <message>
        <location filename="../../src/panelapp/ui/models/materials.py" line="+37"/>
        <source>归档完整</source>
        <translation>归档完整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缺：{parts}</source>
        <translation>缺：{parts}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>归档</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../src/panelapp/ui/models/stability.py" line="+22"/>
        <source>时长</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>等级</source>
        <translation>等级</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{level}（计算：{computed}）</source>
        <translation>{level}（计算：{computed}）</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>判定</source>
        <translation>判定</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>响应/到场超时</source>
        <translation>响应/到场超时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>恢复超时</source>
        <translation>恢复超时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>报告未提交（逾期{days}天）</source>
        <translation>报告未提交（逾期{days}天）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>报告未提交</source>
        <translation>报告未提交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>报告逾期{days}天</source>
        <translation>报告逾期{days}天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>及时</source>
        <translation>及时</translation>
    </message>
</context>
<context>
    <name>EvidenceTable</name>
    <message>
        <location filename="../../src/panelapp/ui/widgets/evidence_table.py" line="+101"/>
        <source>新增</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>编辑</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter / 双击</source>
        <translation>Enter / 双击</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复制</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>删除</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>筛选（Ctrl+F）</source>
        <translation>筛选（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>（筛选：{shown} / {n} 条）</source>
        <translation>（筛选：{shown} / {n} 条）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（{n} 条）&#x3000;可把文件拖到某一行上作为附件</source>
        <translation>（{n} 条）&#x3000;可把文件拖到某一行上作为附件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>（无记录）</source>
        <translation>（无记录）</translation>
    </message>
</context>
<context>
    <name>FaultDialog</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/fault_form.py" line="+70"/>
        <source>按默认（报修后{hours}小时）</source>
        <translation>按默认（报修后{hours}小时）</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>恢复时间不得早于开始时间</source>
        <translation>恢复时间不得早于开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>响应时间不得早于报修时间</source>
        <translation>响应时间不得早于报修时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>到场时间不得早于报修时间</source>
        <translation>到场时间不得早于报修时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复时限不得早于报修时间</source>
        <translation>恢复时限不得早于报修时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>故障报告提交日期不得早于恢复日期</source>
        <translation>故障报告提交日期不得早于恢复日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>改定故障等级必须写明理由</source>
        <translation>改定故障等级必须写明理由</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>故障编号“{id}”已存在</source>
        <translation>故障编号“{id}”已存在</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>填写影响类型、开始、恢复和报修时间后，这里显示等级与扣分。</source>
        <translation>填写影响类型、开始、恢复和报修时间后，这里显示等级与扣分。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>时间有误：恢复时间早于开始时间，或响应/到场早于报修。</source>
        <translation>时间有误：恢复时间早于开始时间，或响应/到场早于报修。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>计算等级：&lt;b&gt;{level}&lt;/b&gt;</source>
        <translation>计算等级：&lt;b&gt;{level}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>，改定为 &lt;b&gt;{level}&lt;/b&gt;</source>
        <translation>，改定为 &lt;b&gt;{level}&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2.1 扣 {points} 分</source>
        <translation>2.1 扣 {points} 分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>非运维单位原因，2.1 不扣分</source>
        <translation>非运维单位原因，2.1 不扣分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>响应/到场超时（3.1 扣1分）</source>
        <translation>响应/到场超时（3.1 扣1分）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>响应及时</source>
        <translation>响应及时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复超时（3.1 扣1分）</source>
        <translation>恢复超时（3.1 扣1分）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>恢复及时</source>
        <translation>恢复及时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>报告未提交（至评分日逾期{days}天）</source>
        <translation>报告未提交（至评分日逾期{days}天）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>报告逾期{days}天（3.1 扣{days}分）</source>
        <translation>报告逾期{days}天（3.1 扣{days}分）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>报告按时</source>
        <translation>报告按时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>持续 &lt;b&gt;{duration}&lt;/b&gt;（{effect}）· {level} · {cost}&lt;br&gt;</source>
        <translation>持续 &lt;b&gt;{duration}&lt;/b&gt;（{effect}）· {level} · {cost}&lt;br&gt;</translation>
    </message>
</context>
<context>
    <name>FieldSpecs</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/specs.py" line="+58"/>
        <location line="+6"/>
        <source>（请选择）</source>
        <extracomment>the scheme&apos;s working hours (3.2③): an off-hours miss must lie outside them on a working day</extracomment>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>结束日期不得早于开始日期</source>
        <translation>结束日期不得早于开始日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>报告日期不得早于特殊时期开始日期</source>
        <translation>报告日期不得早于特殊时期开始日期</translation>
    </message>
</context>
<context>
    <name>FileOps</name>
    <message>
        <location filename="../../src/panelapp/ui/file_ops.py" line="+52"/>
        <source>已导入。</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新增记录 {n} 条</source>
        <translation>新增记录 {n} 条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>与库中完全相同而跳过 {n} 条</source>
        <translation>与库中完全相同而跳过 {n} 条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>附件存入 {stored} 个，缺少 {missing} 个</source>
        <translation>附件存入 {stored} 个，缺少 {missing} 个</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>导入周期文件</source>
        <translation>导入周期文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>周期文件 (*.json *.zip)</source>
        <translation>周期文件 (*.json *.zip)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>正在导入周期文件…</source>
        <translation>正在导入周期文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法导入周期文件</source>
        <translation>无法导入周期文件</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>导入完成</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已导入第{n}考核周期。</source>
        <translation>已导入第{n}考核周期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>
（导入不可撤销；如需撤回请删除相应记录。）</source>
        <translation>
（导入不可撤销；如需撤回请删除相应记录。）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{contract}-第{n}周期.zip</source>
        <translation>{contract}-第{n}周期.zip</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出周期文件</source>
        <translation>导出周期文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>含附件的周期文件 (*.zip);;仅数据 (*.json)</source>
        <translation>含附件的周期文件 (*.zip);;仅数据 (*.json)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>正在导出周期文件…</source>
        <translation>正在导出周期文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法导出周期文件</source>
        <translation>无法导出周期文件</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>导出完成</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已导出到：
{path}</source>
        <translation>已导出到：
{path}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>正在载入演示数据…</source>
        <translation>正在载入演示数据…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法载入演示数据</source>
        <translation>无法载入演示数据</translation>
    </message>
    <message>
        <location filename="../../src/panelapp/ui/sheet_ops.py" line="+68"/>
        <source>无法导出评分表</source>
        <translation>无法导出评分表</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../src/panelapp/ui/help.py" line="+17"/>
        <source>使用说明</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>找不到使用说明文件：{path}</source>
        <translation>找不到使用说明文件：{path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/history.py" line="+14"/>
        <source>操作记录：{subject}</source>
        <translation>操作记录：{subject}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>共 {n} 条记录，最新的在最上面。</source>
        <translation>共 {n} 条记录，最新的在最上面。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>扣分调整</source>
        <translation>扣分调整</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>评分设置</source>
        <translation>评分设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>考核周期</source>
        <translation>考核周期</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../src/panelapp/ui/models/history.py" line="+12"/>
        <location line="+48"/>
        <source>时间</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>操作人</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>操作</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>对象</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原值 → 新值</source>
        <translation>原值 → 新值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>新增</source>
        <translation>新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改</source>
        <translation>修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标题</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>免报周</source>
        <translation>免报周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>理由</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名称</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开始</source>
        <translation>开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结束</source>
        <translation>结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>要求单位</source>
        <translation>要求单位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>报告日期</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>培训主题</source>
        <translation>培训主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>培训教材</source>
        <translation>培训教材</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>签到表</source>
        <translation>签到表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>照片</source>
        <translation>照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>故障编号</source>
        <translation>故障编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>业务</source>
        <translation>业务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>影响类型</source>
        <translation>影响类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>开始时间</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复时间</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>严重影响</source>
        <translation>严重影响</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>运维原因</source>
        <translation>运维原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>报修时间</source>
        <translation>报修时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>响应时间</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>到场时间</source>
        <translation>到场时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复时限</source>
        <translation>恢复时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>报告提交</source>
        <translation>报告提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改定等级</source>
        <translation>改定等级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改定理由</source>
        <translation>改定理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类型</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>人员</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有正当理由</source>
        <translation>有正当理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>通报日期</source>
        <translation>通报日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已改正</source>
        <translation>已改正</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>承诺</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>任务</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>时限</source>
        <translation>时限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>扣分</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>指标</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评分设置</source>
        <translation>评分设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>评定日期</source>
        <translation>评定日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>大小</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+4"/>
        <source>（空）</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>否</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>新增：{record}</source>
        <translation>新增：{record}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除：{record}</source>
        <translation>删除：{record}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>（无变化）</source>
        <translation>（无变化）</translation>
    </message>
</context>
<context>
    <name>Housekeeping</name>
    <message>
        <location filename="../../src/panelapp/ui/housekeeping.py" line="+40"/>
        <source>数据库完好：{path}
SQLite 完整性检查通过；审计记录 {entries} 条，哈希链完整；{rows} 条记录与审计记录一致。</source>
        <translation>数据库完好：{path}
SQLite 完整性检查通过；审计记录 {entries} 条，哈希链完整；{rows} 条记录与审计记录一致。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>数据库检查发现 {n} 个问题：{path}</source>
        <translation>数据库检查发现 {n} 个问题：{path}</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>备份失败</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已备份到 {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备份完成</source>
        <translation>备份完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已备份到：
{path}</source>
        <translation>已备份到：
{path}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>检查数据库</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+6"/>
        <source>从备份恢复</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>数据库备份 (*.db *.sqlite *.sqlite3);;所有文件 (*)</source>
        <translation>数据库备份 (*.db *.sqlite *.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>用备份
{backup}
替换当前数据库
{db}？

当前文件会先另存一份（不会删除）。</source>
        <translation>用备份
{backup}
替换当前数据库
{db}？

当前文件会先另存一份（不会删除）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>恢复失败</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>恢复完成</source>
        <translation>恢复完成</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已从备份恢复：
{backup}
恢复前的文件另存为：
{safety}</source>
        <translation>已从备份恢复：
{backup}
恢复前的文件另存为：
{safety}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>打开其他数据库</source>
        <translation>打开其他数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>panelapp 数据库 (*.db *.sqlite *.sqlite3);;所有文件 (*)</source>
        <translation>panelapp 数据库 (*.db *.sqlite *.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>（无）</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>ImagePreview</name>
    <message>
        <location filename="../../src/panelapp/ui/widgets/attachments.py" line="-67"/>
        <source>预览：{name}</source>
        <translation>预览：{name}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>无法显示该图片</source>
        <translation>无法显示该图片</translation>
    </message>
</context>
<context>
    <name>ItemPanel</name>
    <message>
        <location filename="../../src/panelapp/ui/widgets/item_panel.py" line="+24"/>
        <source>{id}&#x3000;{name}&#x3000;&lt;span style=&apos;font-weight:normal&apos;&gt;（{points} 分）&lt;/span&gt;</source>
        <translation>{id}&#x3000;{name}&#x3000;&lt;span style=&apos;font-weight:normal&apos;&gt;（{points} 分）&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>调整扣分…</source>
        <translation>调整扣分…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>操作记录…</source>
        <translation>操作记录…</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+35"/>
        <source>展开</source>
        <translation>展开</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>展开 / 收起指标说明全文</source>
        <translation>展开 / 收起指标说明全文</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>收起</source>
        <translation>收起</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>考核办法（附件2）：{text}</source>
        <translation>考核办法（附件2）：{text}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&#x3000;扣 {points} 分</source>
        <translation>&#x3000;扣 {points} 分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&#x3000;不扣分</source>
        <translation>&#x3000;不扣分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{score} / {max} 分</source>
        <translation>{score} / {max} 分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{score} / {max} 分（待半年度末判定）</source>
        <translation>{score} / {max} 分（待半年度末判定）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>扣分说明：{text}</source>
        <translation>扣分说明：{text}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>考核组已调整：按证据计算扣 &lt;b&gt;{computed}&lt;/b&gt; 分，调整为扣 &lt;b&gt;{points}&lt;/b&gt; 分。理由：{reason}</source>
        <translation>考核组已调整：按证据计算扣 &lt;b&gt;{computed}&lt;/b&gt; 分，调整为扣 &lt;b&gt;{points}&lt;/b&gt; 分。理由：{reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/panelapp/ui/bootstrap.py" line="+87"/>
        <location filename="../../src/panelapp/ui/main_window.py" line="+68"/>
        <source>考核组评分台</source>
        <extracomment>menu actions that start a task or write outside the undo stack: disabled while a task runs</extracomment>
        <translation>考核组评分台</translation>
    </message>
    <message>
        <location filename="../../src/panelapp/ui/main_window.py" line="+78"/>
        <location line="+1"/>
        <source>汇总</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>无法打开考核周期</source>
        <translation>无法打开考核周期</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>（已定稿，只读）</source>
        <translation>（已定稿，只读）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{contract}{state}
第{cycle}周期 {start}～{end}</source>
        <translation>{contract}{state}
第{cycle}周期 {start}～{end}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>考核组评分台 — {contract} 第{cycle}周期</source>
        <translation>考核组评分台 — {contract} 第{cycle}周期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已保存：{action}（Ctrl+Z 撤销）</source>
        <translation>已保存：{action}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>无法撤销</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已撤销：{action}（Ctrl+Y 重做）</source>
        <translation>已撤销：{action}（Ctrl+Y 重做）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>无法重做</source>
        <translation>无法重做</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已重做：{action}（Ctrl+Z 撤销）</source>
        <translation>已重做：{action}（Ctrl+Z 撤销）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已自动保存：每次修改完成即写入数据库，无需手动保存。导出周期文件请用 Ctrl+Shift+S。</source>
        <translation>已自动保存：每次修改完成即写入数据库，无需手动保存。导出周期文件请用 Ctrl+Shift+S。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>数据库：{name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>请先在表格中选择一行</source>
        <translation>请先在表格中选择一行</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>字号 {percent}%</source>
        <translation>字号 {percent}%</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>{task}完成后关闭窗口</source>
        <translation>{task}完成后关闭窗口</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>正在关闭数据库并自动备份…</source>
        <translation>正在关闭数据库并自动备份…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>自动备份失败</source>
        <translation>自动备份失败</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../src/panelapp/ui/menus.py" line="+92"/>
        <source>关于</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>考核组评分台 panelapp {version}
按合同附件2、附件3的考核办法评分。</source>
        <translation>考核组评分台 panelapp {version}
按合同附件2、附件3的考核办法评分。</translation>
    </message>
    <message>
        <location filename="../../src/panelapp/ui/menus.py" line="-64"/>
        <source>文件(&amp;F)</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入周期文件…</source>
        <translation>导入周期文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出周期文件…</source>
        <translation>导出周期文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>签字导出评分表 PDF…</source>
        <translation>签字导出评分表 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印评分表…</source>
        <translation>打印评分表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>核验 PDF…</source>
        <translation>核验 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出年度汇总 (PDF / Excel)…</source>
        <translation>导出年度汇总 (PDF / Excel)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>结算（年度扣减与应付）…</source>
        <translation>结算（年度扣减与应付）…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>定稿…</source>
        <translation>定稿…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销定稿…</source>
        <translation>撤销定稿…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>备份…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>从备份恢复…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>检查数据库</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开其他数据库…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最近打开的数据库</source>
        <translation>最近打开的数据库</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>切换操作人…</source>
        <translation>切换操作人…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>考核组成员…</source>
        <translation>考核组成员…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>退出</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>编辑(&amp;E)</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>重做</source>
        <translation>重做</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>新增记录</source>
        <translation>新增记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>编辑记录</source>
        <translation>编辑记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复制记录</source>
        <translation>复制记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除记录</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>筛选当前表格</source>
        <translation>筛选当前表格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>调整本项扣分…</source>
        <translation>调整本项扣分…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本项操作记录…</source>
        <translation>本项操作记录…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>视图(&amp;V)</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放大</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缩小</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原始大小</source>
        <translation>原始大小</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>第{n}个标签页</source>
        <translation>第{n}个标签页</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>帮助(&amp;H)</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>使用说明</source>
        <translation>使用说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开数据文件夹</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开日志文件夹</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>载入演示数据</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <location filename="../../src/panelapp/ui/people.py" line="+22"/>
        <source>操作人：</source>
        <translation>操作人：</translation>
    </message>
    <message>
        <location filename="../../src/panelapp/ui/signoff.py" line="+24"/>
        <source>定稿</source>
        <translation>定稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>定稿后本周期不能再修改（如需修改须撤销定稿并写明理由）。确定定稿？</source>
        <translation>定稿后本周期不能再修改（如需修改须撤销定稿并写明理由）。确定定稿？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>无法定稿</source>
        <translation>无法定稿</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已定稿，数据指纹 {fingerprint}…</source>
        <translation>已定稿，数据指纹 {fingerprint}…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>撤销定稿</source>
        <translation>撤销定稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销定稿的理由（必填，记入操作记录）：</source>
        <translation>撤销定稿的理由（必填，记入操作记录）：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>未撤销定稿</source>
        <translation>未撤销定稿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>撤销定稿必须写明理由。</source>
        <translation>撤销定稿必须写明理由。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>无法撤销定稿</source>
        <translation>无法撤销定稿</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已撤销定稿，现为第{version}版</source>
        <translation>已撤销定稿，现为第{version}版</translation>
    </message>
</context>
<context>
    <name>MaterialsTab</name>
    <message>
        <location filename="../../src/panelapp/ui/tabs/materials.py" line="+18"/>
        <source>点击某一周：缺报的周可补录报告或标记免报（须写理由），免报的周可取消免报。</source>
        <translation>点击某一周：缺报的周可补录报告或标记免报（须写理由），免报的周可取消免报。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>应急演练（本半年度）</source>
        <translation>应急演练（本半年度）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>培训记录（本半年度；归档列显示缺少的部分）</source>
        <translation>培训记录（本半年度；归档列显示缺少的部分）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>补录本周巡检报告…</source>
        <translation>补录本周巡检报告…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>补录第{n}周巡检报告（{monday} 起）</source>
        <translation>补录第{n}周巡检报告（{monday} 起）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标记为免报周…</source>
        <translation>标记为免报周…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>取消免报</source>
        <translation>取消免报</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>再录一份本周报告…</source>
        <translation>再录一份本周报告…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>再录一份第{n}周巡检报告</source>
        <translation>再录一份第{n}周巡检报告</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>标记免报周</source>
        <translation>标记免报周</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>第{n}周（{monday}起）免报理由（必填）：</source>
        <translation>第{n}周（{monday}起）免报理由（必填）：</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../src/panelapp/ui/widgets/navigator.py" line="+11"/>
        <source>进行中</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已定稿</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>合同 / 考核周期</source>
        <translation>合同 / 考核周期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>得分</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>第{n}周期
{start}–{end}</source>
        <translation>第{n}周期
{start}–{end}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>第{n}考核周期：{start} 至 {end}</source>
        <translation>第{n}考核周期：{start} 至 {end}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>未录入</source>
        <translation>未录入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尚未录入任何材料</source>
        <translation>尚未录入任何材料</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../src/panelapp/ui/notify.py" line="+28"/>
        <source>是</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>否</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/operator.py" line="+27"/>
        <source>选择操作人</source>
        <translation>选择操作人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请选择本次操作的考核组成员，所有修改将以此姓名记入操作记录。</source>
        <translation>请选择本次操作的考核组成员，所有修改将以此姓名记入操作记录。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>考核组成员还是示例名（组员甲、组员乙）：请点“编辑考核组成员…”填写本组的姓名和职务。</source>
        <translation>考核组成员还是示例名（组员甲、组员乙）：请点“编辑考核组成员…”填写本组的姓名和职务。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>编辑考核组成员…</source>
        <translation>编辑考核组成员…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>确定</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/override.py" line="+26"/>
        <source>调整扣分：{id} {name}</source>
        <translation>调整扣分：{id} {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>按证据计算应扣 &lt;b&gt;{computed}&lt;/b&gt; 分（满分 {max} 分）。调整后两个数值都会显示并打印在评分表上。</source>
        <translation>按证据计算应扣 &lt;b&gt;{computed}&lt;/b&gt; 分（满分 {max} 分）。调整后两个数值都会显示并打印在评分表上。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> 分</source>
        <translation> 分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>调整为扣</source>
        <translation>调整为扣</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>写明调整理由（必填），例如：经核实该周报告已纸质提交</source>
        <translation>写明调整理由（必填），例如：经核实该周报告已纸质提交</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>理由</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>保存调整</source>
        <translation>保存调整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消调整，按计算</source>
        <translation>取消调整，按计算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>调整扣分必须写明理由，未保存。</source>
        <translation>调整扣分必须写明理由，未保存。</translation>
    </message>
</context>
<context>
    <name>OverrideField</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/fault_form.py" line="-136"/>
        <source>改定等级</source>
        <translation>改定等级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不改定（按计算等级）</source>
        <translation>不改定（按计算等级）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>改定为{level}</source>
        <translation>改定为{level}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>改定理由（必填）</source>
        <translation>改定理由（必填）</translation>
    </message>
</context>
<context>
    <name>PanelDialog</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/panel.py" line="+27"/>
        <source>考核组成员</source>
        <translation>考核组成员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>本周期考核组成员（姓名不得为空或重复）；评分表按此顺序留签名栏。</source>
        <translation>本周期考核组成员（姓名不得为空或重复）；评分表按此顺序留签名栏。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>职务/角色</source>
        <translation>职务/角色</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>添加成员</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>成员</source>
        <translation>成员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除所选</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>；未保存。</source>
        <translation>；未保存。</translation>
    </message>
</context>
<context>
    <name>ResponseTab</name>
    <message>
        <location filename="../../src/panelapp/ui/tabs/response.py" line="+16"/>
        <source>故障响应、恢复与报告（在 {item} 录入的全部故障）</source>
        <translation>故障响应、恢复与报告（在 {item} 录入的全部故障）</translation>
    </message>
</context>
<context>
    <name>ScoreBar</name>
    <message>
        <location filename="../../src/panelapp/ui/widgets/score_bar.py" line="+22"/>
        <source>{total} 分 · 扣减 {percent}% · {amount}</source>
        <translation>{total} 分 · 扣减 {percent}% · {amount}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{total} 分 · 不扣减 · {amount}</source>
        <translation>{total} 分 · 不扣减 · {amount}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>预评 </source>
        <translation>预评 </translation>
    </message>
    <message>
        <location line="+76"/>
        <source>尚未录入</source>
        <translation>尚未录入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本周期还没有录入材料：录入后显示得分</source>
        <translation>本周期还没有录入材料：录入后显示得分</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>— 分</source>
        <translation>— 分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请选择考核周期</source>
        <translation>请选择考核周期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{total} 分</source>
        <translation>{total} 分</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>预评：评定日早于本周期最后一天，尚未到期的事项未扣分；不能定稿</source>
        <translation>预评：评定日早于本周期最后一天，尚未到期的事项未扣分；不能定稿</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>扣减 {percent}% · {amount}</source>
        <translation>扣减 {percent}% · {amount}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不扣减</source>
        <translation>不扣减</translation>
    </message>
</context>
<context>
    <name>SectionTab</name>
    <message>
        <location filename="../../src/panelapp/ui/tabs/base.py" line="+145"/>
        <source>{id} {name}
{score}/{max} 分{mark}</source>
        <translation>{id} {name}
{score}/{max} 分{mark}</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../../src/panelapp/ui/selftest.py" line="-164"/>
        <source>载入演示数据（{detail}）</source>
        <translation>载入演示数据（{detail}）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>演示周期得分 {total} 与引擎一致</source>
        <translation>演示周期得分 {total} 与引擎一致</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>故障表单实时显示二级：{text}</source>
        <translation>故障表单实时显示二级：{text}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>新增二级故障后得分 {before} → {after}（应减15）</source>
        <translation>新增二级故障后得分 {before} → {after}（应减15）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>得分条与引擎（重新读库）一致</source>
        <translation>得分条与引擎（重新读库）一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>撤销后恢复</source>
        <translation>撤销后恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>重做后再次扣分</source>
        <translation>重做后再次扣分</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>导出评分表 PDF（{detail}）</source>
        <translation>导出评分表 PDF（{detail}）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>核验刚导出的评分表（{detail}）</source>
        <translation>核验刚导出的评分表（{detail}）</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>键盘输入日期：“{typed}”读作 {day}</source>
        <translation>键盘输入日期：“{typed}”读作 {day}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>未保存：Esc 关闭填了一半的表单先询问（保存/放弃/取消）；取消后内容仍在，放弃后未写入</source>
        <translation>未保存：Esc 关闭填了一半的表单先询问（保存/放弃/取消）；取消后内容仍在，放弃后未写入</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>150%：故障表单 {w}×{h}、主窗口最小 {mw}×{mh} 都在 1366×768 内，保存按钮可见</source>
        <translation>150%：故障表单 {w}×{h}、主窗口最小 {mw}×{mh} 都在 1366×768 内，保存按钮可见</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>日志：意外错误弹出中文对话框（可复制详情）并写入日志 {path}</source>
        <translation>日志：意外错误弹出中文对话框（可复制详情）并写入日志 {path}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>截图 {path}</source>
        <translation>截图 {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>异常：</source>
        <translation>异常：</translation>
    </message>
</context>
<context>
    <name>Settlement</name>
    <message>
        <location filename="../../src/panelapp/ui/settlement.py" line="+66"/>
        <source>登记通报批评</source>
        <translation>登记通报批评</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>撤销登记（撤销操作）</source>
        <translation>撤销登记（撤销操作）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>登记未完成投标承诺</source>
        <translation>登记未完成投标承诺</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>撤销扣减 {id}</source>
        <translation>撤销扣减 {id}</translation>
    </message>
</context>
<context>
    <name>SettlementDialog</name>
    <message>
        <location line="+47"/>
        <source>结算：年度扣减与应付</source>
        <translation>结算：年度扣减与应付</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>周期</source>
        <translation>周期</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>得分</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>扣减比例</source>
        <translation>扣减比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>扣减金额（元）</source>
        <translation>扣减金额（元）</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>编号</source>
        <translation>编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+41"/>
        <source>类别</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+41"/>
        <source>日期</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+41"/>
        <source>说明</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>投标书面承诺（承诺清单）</source>
        <translation>投标书面承诺（承诺清单）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>登记支付时扣减</source>
        <translation>登记支付时扣减</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请选择…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>如 2025-01-15 或 1-15</source>
        <translation>如 2025-01-15 或 1-15</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>承诺内容，或通报事由</source>
        <translation>承诺内容，或通报事由</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>登记</source>
        <translation>登记</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>撤销所选扣减</source>
        <translation>撤销所选扣减</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>撤销理由（必填，记入操作记录）</source>
        <translation>撤销理由（必填，记入操作记录）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤销</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>合同 {number}&#x3000;{project}&#x3000;合同总价 ¥{total}</source>
        <translation>合同 {number}&#x3000;{project}&#x3000;合同总价 ¥{total}</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <location line="+5"/>
        <source>第{n}周期</source>
        <translation>第{n}周期</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>未考核</source>
        <translation>未考核</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>考核扣减合计 ¥{a}；支付时扣减合计 ¥{b}</source>
        <translation>考核扣减合计 ¥{a}；支付时扣减合计 ¥{b}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>扣减总额 ¥{a}{cap}；合同应付合计 ¥{b}</source>
        <translation>扣减总额 ¥{a}{cap}；合同应付合计 ¥{b}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（已按十二.2 以合同总金额封顶）</source>
        <translation>（已按十二.2 以合同总金额封顶）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{label}：应付 ¥{a}，本期扣减 ¥{b}，实付 ¥{c}</source>
        <translation>{label}：应付 ¥{a}，本期扣减 ¥{b}，实付 ¥{c}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>两期付款不足扣减，应向乙方追回 ¥{a}</source>
        <translation>两期付款不足扣减，应向乙方追回 ¥{a}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>请填写日期（如 2025-01-15 或 1-15）</source>
        <translation>请填写日期（如 2025-01-15 或 1-15）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>请选择类别</source>
        <translation>请选择类别</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>该承诺已在第{n}周期登记为未完成</source>
        <translation>该承诺已在第{n}周期登记为未完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{d} 认定未完成</source>
        <translation>{d} 认定未完成</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>请先在上表中选择要撤销的扣减</source>
        <translation>请先在上表中选择要撤销的扣减</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>撤销理由不能为空</source>
        <translation>撤销理由不能为空</translation>
    </message>
</context>
<context>
    <name>SheetOps</name>
    <message>
        <location filename="../../src/panelapp/ui/sheet_ops.py" line="-27"/>
        <source>{contract}-第{n}周期评分表.pdf</source>
        <translation>{contract}-第{n}周期评分表.pdf</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>已导出评分表：{path}</source>
        <translation>已导出评分表：{path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>正在签名并导出评分表…</source>
        <translation>正在签名并导出评分表…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>正在导出评分表…</source>
        <translation>正在导出评分表…</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+4"/>
        <source>无法打印评分表</source>
        <translation>无法打印评分表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>系统中没有可打开 PDF 的程序。评分表已保存在：
{path}</source>
        <translation>系统中没有可打开 PDF 的程序。评分表已保存在：
{path}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>核验评分表 PDF</source>
        <translation>核验评分表 PDF</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>无法核验</source>
        <translation>无法核验</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>找不到文件：{path}</source>
        <translation>找不到文件：{path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>正在核验评分表…</source>
        <translation>正在核验评分表…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{contract}-年度汇总.pdf</source>
        <translation>{contract}-年度汇总.pdf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出年度汇总（同时生成同名 Excel 文件）</source>
        <translation>导出年度汇总（同时生成同名 Excel 文件）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>正在导出年度汇总…</source>
        <translation>正在导出年度汇总…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法导出年度汇总</source>
        <translation>无法导出年度汇总</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>已导出年度汇总：
{pdf}
{xlsx}</source>
        <translation>已导出年度汇总：
{pdf}
{xlsx}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出完成</source>
        <translation>导出完成</translation>
    </message>
</context>
<context>
    <name>SignExportDialog</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/sign_export.py" line="+40"/>
        <source>签字导出评分表</source>
        <translation>签字导出评分表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导出本周期评分表 PDF。可选数字签名（PAdES）：签名后文件的任何改动都会使签名失效。</source>
        <translation>导出本周期评分表 PDF。可选数字签名（PAdES）：签名后文件的任何改动都会使签名失效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+17"/>
        <source>浏览…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>保存到：</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不签名</source>
        <translation>不签名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本机考核组证书（本程序为考核组创建的证书，证明文件自签署后未被改动）</source>
        <translation>本机考核组证书（本程序为考核组创建的证书，证明文件自签署后未被改动）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位证书（.pfx / .p12 文件）</source>
        <translation>单位证书（.pfx / .p12 文件）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>数字签名：</source>
        <translation>数字签名：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>选择单位证书文件</source>
        <translation>选择单位证书文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>证书文件：</source>
        <translation>证书文件：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>证书密码：</source>
        <translation>证书密码：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>导出</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打开</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打印…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在系统的 PDF 阅读器中打开，从那里打印</source>
        <translation>在系统的 PDF 阅读器中打开，从那里打印</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>导出评分表</source>
        <translation>导出评分表</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>选择单位证书</source>
        <translation>选择单位证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证书 (*.pfx *.p12)</source>
        <translation>证书 (*.pfx *.p12)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>请选择单位证书文件（.pfx / .p12）</source>
        <translation>请选择单位证书文件（.pfx / .p12）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>找不到证书文件：{path}</source>
        <translation>找不到证书文件：{path}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>请填写保存位置</source>
        <translation>请填写保存位置</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>正在导出，请稍候…</source>
        <translation>正在导出，请稍候…</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+2"/>
        <source>未导出：{reason}</source>
        <translation>未导出：{reason}</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>（已数字签名）</source>
        <translation>（已数字签名）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>（未签名）</source>
        <translation>（未签名）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已导出{signed}：{path}
可“打开”查看，或“打印…”在 PDF 阅读器中打印后交考核组签字。</source>
        <translation>已导出{signed}：{path}
可“打开”查看，或“打印…”在 PDF 阅读器中打印后交考核组签字。</translation>
    </message>
</context>
<context>
    <name>StabilityTab</name>
    <message>
        <location filename="../../src/panelapp/ui/tabs/stability.py" line="+15"/>
        <source>等级由持续时间、影响类型和是否严重影响自动判定；考核组改定等级须写明理由，两种等级都会显示。</source>
        <translation>等级由持续时间、影响类型和是否严重影响自动判定；考核组改定等级须写明理由，两种等级都会显示。</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <location filename="../../src/panelapp/ui/models/summary.py" line="+12"/>
        <source>一级指标</source>
        <translation>一级指标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>二级指标</source>
        <translation>二级指标</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>分值</source>
        <translation>分值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>得分</source>
        <translation>得分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>扣分</source>
        <translation>扣分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>扣分说明</source>
        <translation>扣分说明</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>（计算{points}）</source>
        <translation>（计算{points}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>预评（评定日早于本周期最后一天，尚未到期的事项未扣分）；</source>
        <translation>预评（评定日早于本周期最后一天，尚未到期的事项未扣分）；</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合计</source>
        <translation>合计</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>得分档次：扣减合同总价 {percent}%</source>
        <translation>得分档次：扣减合同总价 {percent}%</translation>
    </message>
</context>
<context>
    <name>SummaryTab</name>
    <message>
        <location filename="../../src/panelapp/ui/tabs/summary.py" line="+53"/>
        <source>本考核周期</source>
        <translation>本考核周期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>合同</source>
        <translation>合同</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>供应商</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>考核期间</source>
        <translation>考核期间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>状态</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合同总价</source>
        <translation>合同总价</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>评定日期</source>
        <translation>评定日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>评分设置（打印在评分表上）</source>
        <translation>评分设置（打印在评分表上）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{points} 分</source>
        <translation>{points} 分</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>故障报告提交期限（天，自恢复之日起）</source>
        <translation>故障报告提交期限（天，自恢复之日起）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>第{n}周期&#x3000;{start} 至 {end}</source>
        <translation>第{n}周期&#x3000;{start} 至 {end}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已定稿</source>
        <translation>已定稿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>进行中</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>第{n}周期得分：{headline}</source>
        <translation>第{n}周期得分：{headline}</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../src/panelapp/ui/ops.py" line="+98"/>
        <source>{task}尚未完成，请稍候再保存（已填写的内容未丢失）。</source>
        <translation>{task}尚未完成，请稍候再保存（已填写的内容未丢失）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>请稍候：{task}</source>
        <translation>请稍候：{task}</translation>
    </message>
</context>
<context>
    <name>TextField</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/fields.py" line="-206"/>
        <source>请填写“{label}”</source>
        <translation>请填写“{label}”</translation>
    </message>
</context>
<context>
    <name>UndoCommand</name>
    <message>
        <location filename="../../src/panelapp/ui/commands.py" line="+82"/>
        <source>新增{kind}</source>
        <translation>新增{kind}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>修改{kind}</source>
        <translation>修改{kind}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>删除{kind}</source>
        <translation>删除{kind}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>调整{item}扣分</source>
        <translation>调整{item}扣分</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消{item}扣分调整</source>
        <translation>取消{item}扣分调整</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>修改评分设置</source>
        <translation>修改评分设置</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>添加附件 {name}</source>
        <translation>添加附件 {name}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>移除附件 {name}</source>
        <translation>移除附件 {name}</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>修改评定日期</source>
        <translation>修改评定日期</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/unsaved.py" line="+26"/>
        <source>未保存的输入</source>
        <translation>未保存的输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{what}”中已填写的内容尚未保存。
保存、放弃，还是回到表单继续填写？</source>
        <translation>“{what}”中已填写的内容尚未保存。
保存、放弃，还是回到表单继续填写？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/panelapp/ui/selftest.py" line="-102"/>
        <source>放弃</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../src/panelapp/ui/selftest.py" line="-3"/>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../src/panelapp/ui/forms/verify_view.py" line="+25"/>
        <source>核验评分表 PDF</source>
        <translation>核验评分表 PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✔ 核验通过：本文件由本程序导出，与数据库当前数据一致</source>
        <translation>✔ 核验通过：本文件由本程序导出，与数据库当前数据一致</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✘ 核验未通过（原因见下方标 ✘ 的各行）</source>
        <translation>✘ 核验未通过（原因见下方标 ✘ 的各行）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>关闭</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>WeekGrid</name>
    <message>
        <location filename="../../src/panelapp/ui/widgets/week_grid.py" line="+15"/>
        <source>已报</source>
        <translation>已报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缺报</source>
        <translation>缺报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>免报</source>
        <translation>免报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未到期</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>评定日尚未结束，暂不计缺报</source>
        <translation>评定日尚未结束，暂不计缺报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无巡检报告</source>
        <translation>无巡检报告</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>第{n}周
{monday} {state}</source>
        <translation>第{n}周
{monday} {state}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>第{n}周 {monday}～{sunday}
{state}：{detail}</source>
        <translation>第{n}周 {monday}～{sunday}
{state}：{detail}</translation>
    </message>
</context>
<context>
    <name>WindowContext</name>
    <message>
        <location filename="../../src/panelapp/ui/context.py" line="+49"/>
        <source>无法读取操作记录</source>
        <translation>无法读取操作记录</translation>
    </message>
</context>
</TS>
