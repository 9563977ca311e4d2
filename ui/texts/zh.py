"""页面上的每一句话（中文）。与 ``en.py`` 的键和占位符一一对应。

用语表（全站一词一义）：loss 损失，MSE 均方误差，learning rate 学习率，epoch 轮，update 更新，
batch 批量，mini-batch 小批量，full batch 全批量，gradient 梯度，minimum 最小值，saddle point
鞍点，start 起点，path 路径，step 一步 / 步长，surface 曲面，contour map 等高线图，
cross-section 截面，optimizer 优化器，stable limit 稳定上限，lesson 演示，problem 优化问题。
中文句子里一律用全角标点（，：；（）！？）；公式和数字保持原样。
"""

ZH = {
    "app_title": "损失曲面实验室",
    # pages
    "explorer": "探索",
    "explorer_title": "在真实的损失曲面上看梯度下降",
    "explorer_intro": (
        "**你看到的是什么。**左边的等高线图和 3D 曲面都是两个参数上的损失；橙色路径是这次训练，"
        "黑色箭头指向最陡的下坡方向（−∇L），橙色箭头是下一次更新真正迈出的一步。数学面板把这次更新"
        "连同数字一起写出来；下方是损失随轮数的变化、穿过当前点的截面（切线的斜率就是梯度），"
        "以及这些参数在数据上的含义。\n\n"
        "**试一试。**按 ▶ 看最初几步怎么走。在等高线图上随便点一下，就从那里出发。把学习率拖过稳定"
        "上限，看路径先来回冲过谷底，再彻底爆炸。把批量大小设为 1：每一步只跟着一个样本自己的梯度走。"
        "选 Rosenbrock，比较梯度下降和动量法。"
    ),
    "one_weight": "一个权重",
    "params_page": "多个参数",
    "compare_page": "对比",
    "lessons": "演示",
    # header, reset, share
    "what_you_see": "你看到的是什么 · 试一试",
    "reset": "重置",
    "reset_help": "所有设置恢复默认（语言和投影模式保持不变）。",
    "share": "分享",
    "share_help": "这个链接会原样打开当前视图：同样的数据、设置、路径和位置。",
    "share_hide": "在链接中隐藏",
    "share_hide_help": "给全班用的精简链接：这里选中的内容，打开链接的人看不到（隐藏的控件保留链接里的取值）。",
    "share_focused": "精简链接：",
    "hide.scenario": "优化问题",
    "hide.lr": "学习率",
    "hide.batch": "批量大小",
    "hide.grad_noise": "梯度噪声",
    "hide.opt": "优化器",
    "hide.beta": "β",
    "hide.beta2": "β₂",
    "hide.sched": "学习率调度",
    "hide.epochs": "轮数",
    "hide.updates": "更新次数",
    "hide.scaling": "特征缩放",
    "hide.fit": "模型",
    "hide.start": "起点",
    "hide.seed": "随机种子",
    "hide.shuffle": "打乱顺序",
    "hide.train_b": "训练 b",
    "hide.log": "损失坐标轴",
    "hide.lang": "语言",
    "hide.projector": "投影模式",
    "hide.intro": "“你看到的是什么”",
    "hide.contour": "等高线图",
    "hide.surface": "三维曲面",
    "hide.maths": "数学面板",
    "hide.curve": "损失曲线",
    "hide.data": "数据图",
    "hide.cross": "截面",
    "hide.numbers": "图表下方的数字",
    "more_settings": "更多设置",
    # the problem
    "problem": "优化问题",
    "problem_help": "梯度下降要最小化什么：某个模型在一组数据上的均方误差，或者一个两参数的测试函数"
    "（在这些函数上，各种优化器的差别才真正显现出来）。",
    "scenario.book": "数据 · 书中第 0 章（y = 1 + 2x + 噪声）",
    "scenario.book_x10": "数据 · 书中的“坏特征” x × 10",
    "scenario.line5x": "数据 · y = 5x，500 个点，无噪声",
    "scenario.course": "数据 · 课程笔记：x = 1, 2, 3，y = 2, 4, 6",
    "scenario.tiny_clean": "数据 · 小例子：x = 0, 1, 2, 3，y = x",
    "scenario.tiny_noisy": "数据 · 小例子，其中一个标签有噪声 y = 3.1",
    "scenario.synthetic": "数据 · 合成数据：直线、噪声和 x 的范围由你定",
    "scenario.tanh": "数据 · y = 2 tanh(1.5x) + 噪声（给神经元用）",
    "scenario.upload": "数据 · 你自己的 CSV 文件",
    "scenario.rosenbrock": "函数 · Rosenbrock：一条又长又弯的峡谷",
    "scenario.himmelblau": "函数 · Himmelblau：四个最小值",
    "scenario.beale": "函数 · Beale：平台和陡壁",
    "scenario.camel": "函数 · 六峰驼背函数：六个局部最小值",
    "scenario.saddle": "函数 · 两个最小值之间的鞍点",
    "fit": "模型",
    "fit.line": "直线 y = b + w·x",
    "fit.neuron": "一个 tanh 神经元 y = w2·tanh(w1·x)",
    "fit_help": "直线的损失是一个碗（二次型，只有一个最小值）。神经元的不是：两个镜像对称的最小值，"
    "原点处一个鞍点，还有平坦的平台。",
    "synthetic_data": "合成数据",
    "n": "数据点个数 N",
    "noise": "标签噪声（标准差）",
    "true_w": "真实斜率 w",
    "true_b": "真实截距 b",
    "x_min": "x 从",
    "x_max": "x 到",
    "val": "验证集比例",
    "error_data": "无法使用：{reason}。",
    "empty_range": "x 的范围是空的，所以改用 x ∈ [0, 1]",
    # the strip
    "lr": "学习率 η",
    "lr_help": "每一步沿梯度走多远。在碗形曲面上，全批量梯度下降只有在 η 小于 2 / λ_max 时才稳定"
    "（λ_max 是海森矩阵 H 的最大特征值），这个上限显示在图表下方。",
    "batch": "批量大小",
    "batch_help": "每次更新用多少个样本：1 就是随机梯度下降（每次一个样本），用整个训练集就是"
    "批量梯度下降，介于两者之间就是小批量。",
    "regime.one": "单个样本",
    "regime.mini": "小批量",
    "regime.full": "全批量",
    "grad_noise": "梯度噪声 σ",
    "grad_noise_help": "函数没有样本，也就没有小批量：改为给每次更新的梯度加上这个大小的高斯噪声，"
    "噪声由随机种子决定。",
    "opt": "优化器",
    "opt.gd": "梯度下降",
    "opt.momentum": "动量法",
    "opt.nesterov": "Nesterov 动量",
    "opt.adagrad": "AdaGrad",
    "opt.rmsprop": "RMSProp",
    "opt.adam": "Adam",
    "opt_help": "梯度下降每一步走 −η·∇L。动量法和 Nesterov 动量会保留一个速度；AdaGrad、"
    "RMSProp 和 Adam 会用梯度的滑动大小去除每一步。",
    # the sidebar
    "epochs": "轮数",
    "epochs_help": "把训练样本完整过几遍。",
    "epochs_capped": "只运行了前 {epochs:,} 轮：每次训练最多 {cap:,} 次更新。",
    "updates": "更新次数",
    "updates_help": "这次训练走多少步。",
    "scaling": "特征缩放",
    "scaling.none": "不缩放",
    "scaling.standard": "标准化",
    "scaling_help": "用训练集的均值 μ 和（总体）标准差 σ 把 x 标准化：优化器处理的是 "
    "z = (x − μ) / σ，参数记作 b′ 和 w′，结果也会换算回原始单位。",
    "start": "起点",
    "start.book": "由随机种子抽取（和书中一样）",
    "start.own": "函数自带的起点",
    "start.manual": "手动设置（或在图上点一下）",
    "start_help": "在等高线图或曲面上点一下，起点就设在那里。",
    "start_of": "起点 {name}",
    "seed": "随机种子",
    "seed_help": "决定起点（和书中一样：np.random.seed(seed)，b = randn，w = randn）、"
    "每轮的打乱顺序、合成数据和梯度噪声。",
    "shuffle": "每轮重新打乱",
    "train_b": "训练截距 b",
    "train_b_help": "关闭时 b 保持初始值，只学习 w：这就是课程笔记和小例子里的模型 y = w·x"
    "（外加一个固定的 b）。",
    "beta": "β（动量、RMSProp 的 ρ、Adam 的 β1）",
    "beta2": "Adam 的 β2",
    "export_title": "带走这次训练",
    "export_csv": "导出 CSV",
    "export_csv_help": "每次更新一行（超过 100,000 次更新时每轮一行）：更新次数、轮、参数、训练损失、"
    "每轮结束时的验证损失、下一次更新的小批量损失和 η。保留全部位数。",
    "export_script": "Python 脚本",
    "export_script_help": "一个只用 NumPy 的脚本：重建这份数据，逐次更新地复现这次训练，像教程那样打印"
    "（数字与本实验室一致）。",
    "export_script_none": "测试函数没有数据集：脚本只用于在数据上的训练。",
    "export_images": "图片：把指针移到图上，右上角的 📷 按钮保存投影尺寸（1920 × 1080）的 PNG；"
    "旁边的 SVG 按钮保存 SVG。",
    "save_svg": "保存为 SVG（投影尺寸）",
    "save_png": "保存为 PNG（投影尺寸，1920 × 1080）",
    "sched": "学习率调度",
    "sched_help": "训练中 η 怎样变化：每轮变一次（测试函数上每次更新变一次），和 PyTorch 的调度器"
    "每轮调用一次 step() 时一样。数学面板用每次更新自己的 η 写出这次更新；损失图下方画出 η。",
    "sched.constant": "不变",
    "sched.step": "阶梯衰减",
    "sched.exp": "指数衰减",
    "sched.cosine": "余弦退火",
    "sched_every": "每隔几轮下降一次",
    "sched_drop": "每次下降乘以",
    "sched_gamma": "每轮乘以（γ）",
    "sched_gamma_help": "第 e 轮的 η 是 η·γᵉ",
    "sched_warmup": "线性预热（轮）",
    "sched_warmup_help": "前 W 轮里 η 从 η/W 线性升到 η，然后调度开始（0：不预热）",
    "lr_axis": "η",
    "lr_per_update": "每次更新的 η",
    "log": "损失坐标轴",
    "log.None": "自动",
    "log.False": "线性",
    "log.True": "对数",
    "log_help": "自动：损失跨越两个数量级以上时用对数坐标（线性坐标会把曲线压扁在 0 附近），"
    "否则用线性坐标。",
    "language": "Language / 语言",
    "projector": "投影模式",
    "projector_help": "图表文字更大、线条更粗、颜色对比更强；所有视图、时间轴和数学面板都放进"
    "一块 1280 × 720 的屏幕。",
    # charts
    "surface_title": "损失曲面",
    "contour_title": "等高线图：路径、−∇L 和这一步",
    "curve_title": "损失随轮数的变化",
    "curve_title_updates": "损失随更新次数的变化",
    "data_title": "数据和模型",
    "limit_title": "步长与局部稳定步长",
    "limit_axis": "步长",
    "limit_line": "此处的 2 / λ_max(H)",
    "lr_line": "η = {lr:g}",
    "cross_title": "穿过当前点的截面",
    "surface_title.short": "损失曲面",
    "contour_title.short": "等高线图",
    "curve_title.short": "损失",
    "curve_title_updates.short": "损失",
    "data_title.short": "数据",
    "limit_title.short": "步长",
    "cross_title.short": "截面",
    "whole_title.short": "完整路径",
    "along": "L({a})，固定 {b}",
    "cross_full": "全部训练数据",
    "cross_fn": "函数 f",
    "cross_batch": "这个小批量",
    "cross_tangent": "切线：斜率 = ∂L",
    "whole_title": "完整路径（缩小后）",
    "loss_short": "MSE",
    "f_short": "f",
    "loss_log": "{loss}（高出最小值部分的对数刻度）",
    "path": "路径",
    "start_pt": "起点",
    "minimum": "最小值",
    "saddle": "鞍点",
    "now": "当前",
    "epoch": "轮",
    "update_axis": "更新",
    "train": "训练集",
    "val_set": "验证集",
    "batch_loss": "小批量损失",
    "floor": "可达到的最低值",
    "fit_now": "当前模型",
    "start_line": "起点处",
    "best_line": "最小值处",
    "click_to_start": "点击：从这里出发",
    "reset_view": "复原视角",
    "turn": "旋转",
    "turn_done": "完成",
    "loading_chart": "正在绘制图表……",
    # status, in plain words
    "status.converged": "✅ 到达最小值：从第 {k:,} 次更新起，损失不再下降。结果：{end}。",
    "status.converged_at": "✅ 经过 {k:,} 次更新，到达最小值（{point}）。",
    "status.stalled": "⏸ 从第 {k:,} 次更新起卡在鞍点（{point}）：那里的梯度为零，但它不是最小值。",
    "status.completed": "⏳ {updates:,} 次更新之后仍在路上（现在 {end}）：更多轮数或更大的 η "
    "能走得更近。",
    "status.diverged": "💥 第 {k:,} 次更新时爆炸：损失增大了一百万倍，训练就停在那里。{why}",
    "short.converged": "✅ 第 {k:,} 次更新时到达最小值：{end}。",
    "short.converged_at": "✅ 第 {k:,} 次更新时到达最小值（{point}）。",
    "short.stalled": "⏸ 从第 {k:,} 次更新起卡在鞍点（{point}）。",
    "short.completed": "⏳ {updates:,} 次更新后还没到：{end}。",
    "short.diverged": "💥 第 {k:,} 次更新时爆炸。{why}",
    "why_global": "η = {lr:g} 超过了这里全批量梯度下降的稳定上限 {limit:.3g}。",
    "why_local": "η = {lr:g} 超过了起点处的局部稳定步长 {limit:.3g}。",
    "use_rate": "改用 η = {lr:g}",
    "use_rate_help": "滑块上低于稳定上限的最大学习率。",
    "use_scaling": "标准化 x",
    "use_scaling_help": "损失曲面是一条狭长的山谷（条件数 {condition:.2g}）：没有哪个学习率能既沿着"
    "山谷走得快、又在横向保持稳定。把特征标准化后山谷变圆，默认的 η 也就安全了。",
    "left_window": "路径在第 {k:,} 次更新时离开了绘图区域；为了便于比较，坐标轴保持不变，"
    "底部缩小后的视图显示了完整路径。",
    "short.left_window": "路径在第 {k:,} 次更新时离开图框（见缩小后的视图）。",
    "original_units": "换算回原始单位：b = {b:.4f}，w = {w:.4f}",
    "step_beyond": "链接中的 step={step:,} 超过了这次训练的总更新次数（{updates:,} 次），"
    "显示的是结尾。",
    # numbers under the charts
    "value_at": "第 {k} 次更新时的 {name}",
    "loss_at": "第 {k} 次更新时的训练损失",
    "value_end": "结束时的 {name}",
    "loss_end": "结束时的训练损失",
    "val_loss": "结束时的验证集 MSE",
    "stable_lr": "稳定学习率上限",
    "stable_lr_help": "在这个碗形曲面上，η > 2 / λ_max(H) 时全批量梯度下降会发散。",
    "local_lr": "起点处的局部稳定步长",
    "local_lr_help": "这个曲面上不存在单一的上限：这里给的是起点处的 2 / λ_max(H)"
    "（它沿路径变化，数学面板在每个位置都会给出）。",
    "condition": "条件数",
    "condition_help": "海森矩阵的 λ_max / λ_min：等于 1 表示等高线是圆；很大则表示又长又窄的山谷，"
    "一个学习率无法同时照顾两个方向。",
    "optimum": "最小值（最小二乘）：{point}，最低训练损失 {loss:.6g}。",
    "optimum_scaled": "最小值（最小二乘）：{point}，最低训练损失 {loss:.6g}；换算回原始单位："
    "b = {b:.4f}，w = {w:.4f}。",
    "error_run": "无法计算这次训练：{reason}。",
}

# the timeline and the maths panel (timeline.js fills {k} and friends)
ZH |= {
    "tl.label": "第 {k} / {K} 次更新 · 第 {epoch} 轮",
    "tl.label_short": "{k} / {K} · 第 {epoch} 轮",
    "tl.label_updates": "第 {c} / {K} 次更新",
    "tl.label_epochs": "第 {c} / {E} 轮",
    "tl.play": "播放（空格）",
    "tl.pause": "暂停（空格）",
    "tl.back": "后退一步（← 或 Page Up）",
    "tl.forward": "前进一步（→ 或 Page Down）",
    "tl.to_start": "回到开头（Home）",
    "tl.to_end": "跳到结尾（End）",
    "tl.speed": "速度：1× 时更新次数每增加十倍用 3 秒（先是前 10 次，再是后面 90 次，……）",
    "tl.unit": "按更新或按轮前进与拖动",
    "tl.unit_update": "按更新",
    "tl.unit_epoch": "按轮",
    "tl.scrub": "在训练过程中的位置",
    "tl.neg_grad": "−∇L",
    "tl.position": "已完成 {K} 次中的 {k} 次更新",
    "tl.epoch_of": "（第 {epoch} 轮）",
    "tl.loss_here": "，损失 {loss}",
    "tl.end": "训练结束：没有第 {k} 次更新。",
    "tl.end_diverged": "第 {k} 次更新会让损失爆炸，所以训练停在这里。",
    "tl.next_update": "下一步：第 {k} 次更新",
    "tl.batch_all": "批量是全部 {m} 个训练样本",
    "tl.batch_some": "小批量：{n} 个样本中的 {m} 个（数据图上圈出）",
    "tl.batch_some_unringed": "小批量：{n} 个样本中的 {m} 个",
    "tl.noise": "梯度噪声 σ = {sigma}",
    "tl.outside": "从第 {k} 次更新起已离开绘图区域：图中不再标出位置。",
    "tl.gradient": "此处的梯度",
    "tl.gradient_batch": "此处这个小批量损失的梯度",
    "tl.held": "{name} 固定不变，不参与训练",
    "tl.colon": "：",
    "tl.list_sep": "，",
    "tl.update": "用 η = {lr} 更新",
    "tl.scheduled": "这次更新的 η 来自学习率调度（基础 η = {base}）",
    "tl.loss_all": "全部训练数据上的损失：{before} → {after}",
    "tl.loss_fn": "函数值 f：{before} → {after}",
    "tl.loss_batch": "这个小批量的损失：{before} → {after}",
    "tl.limit_global": "η 小于 2 / λ_max = {limit} 时稳定（这次训练：{lr}）",
    "tl.limit_local": "此处的局部稳定步长：2 / λ_max(H) = {limit}（这次训练：η = {lr}）",
    "tl.rule_momentum": "动量法：v ← β·v + ∇L，Δθ = −η·v（β = {beta}）",
    "tl.rule_nesterov": "Nesterov 动量：v ← β·v + ∇L，Δθ = −η·(∇L + β·v)（β = {beta}）",
    "tl.rule_adagrad": "AdaGrad：s ← s + ∇L²，Δθ = −η·∇L / √s",
    "tl.rule_rmsprop": "RMSProp：s ← ρ·s + (1 − ρ)·∇L²，Δθ = −η·∇L / √s（ρ = {beta}）",
    "tl.rule_adam": "Adam：m ← β1·m + (1 − β1)·∇L，v ← β2·v + (1 − β2)·∇L²，"
    "Δθ = −η·m̂ / √v̂（β1 = {beta}，β2 = {beta2}）",
    "grad.rosenbrock.0": "−2(1 − x) − 400·x·(y − x²)",
    "grad.rosenbrock.1": "200·(y − x²)",
    "grad.himmelblau.0": "4x·(x² + y − 11) + 2(x + y² − 7)",
    "grad.himmelblau.1": "2(x² + y − 11) + 4y·(x + y² − 7)",
    "grad.beale.0": "Σₙ 2(cₙ − x + x·yⁿ)(yⁿ − 1)",
    "grad.beale.1": "Σₙ 2(cₙ − x + x·yⁿ)·n·x·yⁿ⁻¹",
    "grad.camel.0": "8x − 8.4x³ + 2x⁵ + y",
    "grad.camel.1": "x − 8y + 16y³",
    "grad.saddle.0": "x³ − x",
    "grad.saddle.1": "y",
    "grad.neuron.0": "2·mean((ŷ − y)·w2·x·(1 − tanh²(w1·x)))",
    "grad.neuron.1": "2·mean((ŷ − y)·tanh(w1·x))",
}

# links
ZH |= {
    "link_notice": "链接中有部分参数没有按原样使用：",
    "link_ignored": "{key}（{reason}，已忽略）",
    "link_clamped": "{key}（{reason}，改用 {value}）",
    "reason.unknown": "不是已知的设置",
    "reason.repeated": "出现了不止一次",
    "reason.long": "太长",
    "reason.invalid": "无效",
    "reason.number": "不是数字",
    "reason.nonfinite": "不是有限的数",
    "reason.range": "超出 {lo} … {hi}",
    "reason.whole": "不是整数",
    "reason.step": "不是 {args} 的倍数",
    "reason.choice": "只能是 {args} 之一",
    "reason.flag": "只能是 0 或 1",
    "reason.nearest": "不在滑块的取值上",
    "reason.count": "多于 {args} 个值",
    "reason.batch_step": "不是批量大小滑块上的取值",
    "reason.batch_full": "超过了 {args} 个训练样本，即全批量",
}

# your own data
ZH |= {
    "upload": "CSV 文件",
    "upload_help": "按列排列的表格，用逗号、分号或制表符分隔，小数点或小数逗号均可；编码为 "
    "UTF-8、UTF-16 或 Windows-1252；可以有也可以没有表头。文本列（名称、日期、编号）会被放在一边，"
    "数字列可选作 x 和 y。最大 {mb} MB，只使用前 {rows:,} 行。文件只保存在当前浏览器会话中。",
    "upload_wait": "选择一个 CSV 文件，然后选出 x 列和 y 列。上传的数据不会写进链接："
    "打开链接的人需要重新上传文件。",
    "x_col": "x 列",
    "y_col": "y 列",
    "csv.empty": "文件是空的。",
    "csv.no_values": "文件里只有分隔符和引号，没有任何值。",
    "csv.binary": "这不是文本文件（看起来是二进制文件）。",
    "csv.malformed": "无法把文件读成表格：{reason}。",
    "csv.one_column": "只找到一列：x 和 y 需要两列，用逗号、分号或制表符分隔。",
    "csv.header_only": "文件只有表头，没有数据。",
    "csv.single_row": "两个所选列都是数字的行不到两行：拟合一条直线至少需要两个点。",
    "csv.duplicate": "有两列都叫“{name}”：请重命名其中一列。",
    "csv.ragged": "第 {line} 行有 {found} 个单元格，而第一行有 {expected} 个。",
    "csv.non_numeric": "“{column}”列的 {rows} 个非空单元格中有 {skipped} 个不是数字（第一处在第 "
    "{line} 行）：太多了，无法跳过。请换一列。",
    "csv.nonfinite": "第 {line} 行“{column}”列是无穷大（inf，或超出浮点数范围的数）。",
    "csv.too_large": "第 {line} 行“{column}”列的值超出了 ±{limit}：它的平方会溢出。请先缩放这一列"
    "（例如以千为单位）再上传。",
    "csv.too_big": "文件大小为 {size:,} 字节，最多只接受 {limit:,} 字节。",
    "csv.too_wide": "文件有 {columns} 列，最多只接受 {limit} 列。",
    "csv.text_columns": "以下文本列放在一边（不能选作 x 或 y）：{names}。",
    "csv.few_numeric": "这个文件中是数字的列不到两列（{count} 列）：x 和 y 需要两列。",
    "csv.missing": "有 {count} 行的 x 或 y 是空的（或 NA），已跳过（第一处在第 {line} 行）。",
    "csv.skipped": "有 {count} 行的 x 或 y 不是数字，已跳过（第一处在第 {line} 行）。",
    "csv.cleaned.currency": "“{column}”列：数字前后的货币符号已去掉。",
    "csv.cleaned.percent": "“{column}”列：百分号已去掉（50% 读作 50）。",
    "csv.cleaned.grouping": "“{column}”列：千位分隔符已去掉（{example} 读作 1234）。",
    "csv.separator": "列的分隔符",
    "csv.separator_help": "这个文件用不止一种分隔符都能分出同样多的列：已选用能读出更多数字的那种。"
    "如果列看起来不对，请选另一种。",
    "sep.comma": "逗号",
    "sep.semicolon": "分号",
    "sep.tab": "制表符",
    "csv.decimal": "像 1.000 这样的数表示",
    "csv.decimal_help": "两种数字格式都能读出这个文件的每个单元格，但读出的值不同：按小数点读，"
    "1.000 是一；按小数逗号（点作千位分隔符）读，它是一千。已按这种分隔符的常用格式读取；如果不对，"
    "请选另一种。",
    "dec.point": "小数点（1.000 = 1）",
    "dec.comma": "小数逗号（1.000 = 1000）",
    "csv.truncated": "只使用了 {total:,} 行中的前 {rows:,} 行。",
    "csv.same_column": "请为 x 和 y 选择两个不同的列。",
    "csv.constant_x": "“{column}”列在训练数据中只有一个值：无法拟合斜率。",
}

# compare and lessons
ZH |= {
    "compare_title": "对比：同一个起点，只改一个设置",
    "compare_intro": "**你看到的是什么。**几次训练从同一个起点出发、按同样的顺序使用样本，只有一个设置不同。"
    "按 ▶ 让它们赛跑：每次训练都沿着损失图共同的时间（按所选的更新次数、轮数或已用样本数）前进，"
    "跑得快的就领先。\n\n**试一试。**在 Rosenbrock 上比较优化器（“赛跑”按钮）：梯度下降沿着峡谷慢慢爬，"
    "动量法和 Adam 能穿过去。按已用样本数比较批量大小：每次只用一个样本最先接近最小值。",
    "compare": "对比",
    "compare.lr": "学习率",
    "compare.batch": "批量大小",
    "compare.scaling": "原始特征与标准化",
    "compare.optimizer": "优化器",
    "compare.schedule": "学习率调度",
    "compare_what.lr": "学习率围绕这个问题的稳定上限 η ≈ {limit:.3g} 选取：太小、合适、刚好低于上限、"
    "刚好高于上限。每次训练都从同一个点出发。",
    "compare_what.batch": "同样的起点、学习率和打乱顺序，只有批量大小不同。在损失图上按更新次数、"
    "轮数或已用样本数计数，才能公平比较。",
    "compare_what.scaling": "同样的数据，分别用原始特征和标准化后的特征，各自有自己的曲面。表格把两者的"
    "结果都换算回原始单位：是同一条直线，只是到达的快慢不同。",
    "compare_what.optimizer": "每个优化器都用同样的起点、学习率和批量。",
    "compare_what.schedule": "同样的起点、基础学习率、优化器和批量，只有 η 在训练中怎样变化不同"
    "（不变对比余弦退火：调度可以用一个本来会一直来回跳的学习率开始，最后稳定下来）。",
    "rates": "学习率",
    "batches": "批量大小",
    "opts": "优化器",
    "scheds": "学习率调度",
    "xaxis": "损失图与赛跑的计数方式",
    "xaxis.updates": "更新次数",
    "xaxis.epochs": "轮数",
    "xaxis.examples": "已用样本数",
    "curve_title_x": "损失随{axis}的变化",
    "curve_title_x.short": "损失",
    "epoch_points": "每轮只画一个点",
    "small_multiples": "每个学习率一张等高线图（共用颜色刻度）",
    "book_three_paths": "书中的图",
    "race": "在 Rosenbrock 上赛跑",
    "need_two": "请至少选择一次训练。",
    "runs": "各次训练",
    "col.run": "训练",
    "col.lr": "η",
    "col.batch": "批量",
    "col.updates": "更新次数",
    "col.param": "结束时的 {name}",
    "col.loss": "训练损失",
    "col.status": "结果",
    "ended.converged": "第 {k:,} 次更新时到达最小值",
    "ended.stalled": "从第 {k:,} 次更新起卡在鞍点",
    "ended.completed": "{updates:,} 次更新后仍在路上",
    "ended.diverged": "第 {k:,} 次更新时爆炸",
    "floor_of": "可达到的最低值：{name}",
    "open_explorer": "在探索页中打开",
    "variant.standardised": "标准化",
    "variant.constant η": "η 不变",
    "variant.step decay": "阶梯衰减（每 10 轮乘以 0.5）",
    "variant.cosine": "余弦退火",
    "variant.cost over all data": "全部数据的代价（cost）",
    "variant.loss of one sample": "单个样本的损失（loss）",
    "variant.80 · full batch": "80 · 全批量",
    "variant.16 · mini-batch": "16 · 小批量",
    "variant.1 · one sample": "1 · 单个样本",
    "variant.gradient descent, η = 0.001": "梯度下降，η = 0.001",
    "variant.momentum, η = 0.001": "动量法，η = 0.001",
    "variant.Adam, η = 0.05": "Adam，η = 0.05",
    "variant.start (0, 1.8), noise σ = 0.05": "起点 (0, 1.8)，梯度噪声 σ = 0.05",
    "variant.SGD from (0, 0)": "每次一个样本，从 (0, 0) 出发",
    "variant.SGD from (0.01, 0.01)": "每次一个样本，从 (0.01, 0.01) 出发",
    "lessons_title": "演示：只改一个设置，其余全都一样",
    "lessons_intro": "**你看到的是什么。**一组现成的对比：同样的数据和起点，只改一个设置，在同一条时间轴上赛跑。"
    "表格下方的按钮可以把每次训练在探索页中打开。\n\n**试一试。**按 ▶，看各次训练在哪里分道扬镳；"
    "再在探索页中打开其中一次，一步一步看它的更新。",
    "lesson": "演示",
    "lesson.learning_rate.title": "学习率：0.2、0.8 和 1.1（书中示例）",
    "lesson.learning_rate.text": "同一个起点、同样的全批量梯度下降，只换学习率。η = 0.2 时路径平稳地走到"
    "最小值；η = 0.8 刚好低于稳定上限 0.806，每一步都冲过谷底，来回震荡着收敛。η = 1.1 时沿 b 方向每一步"
    "都比上一步冲得更远，几次更新之内损失就爆炸了。",
    "lesson.bad_feature.title": "尺度不好的特征：x × 10 与标准化（书中示例）",
    "lesson.bad_feature.text": "同样的数据，x 乘以 10；同样的学习率 0.03，同样训练 100 轮，起点也是同一条"
    "直线。不做缩放时，损失山谷的长度约为宽度的 112 倍：0.03 已经接近最大稳定学习率，路径很快横穿山谷，"
    "然后沿着谷底缓慢爬行。标准化之后等高线变成了圆，同样的预算就能笔直地走到最小值；换算回原始单位，"
    "两者逼近的是同一条直线。",
    "lesson.batch_size.title": "全批量、小批量与单个样本",
    "lesson.batch_size.text": "同样的起点、学习率 0.1、训练 20 轮，批量分别是全部 80 个点、16 个点和单个"
    "点。全批量沿着最陡的方向下降；批量越小，每轮更新次数越多，每一步也越嘈杂。单个样本最快接近最小值，"
    "但永远停不下来，一直在最小值附近抖动。",
    "lesson.schedule.title": "学习率调度：先大步走，再稳下来",
    "lesson.schedule.text": "每次更新用一个样本，η = 0.2，训练 50 轮，起点和顺序都一样。η 不变时，路径很快"
    "接近最小值，但一直在抖动：最后一轮的损失仍比最小值高出约 10⁻²。每 10 轮把 η 减半，抖动一步步变小；"
    "余弦退火把 η 平滑地降到接近 0，最后停在最小值上（只高出约 10⁻⁷）。损失图下方的窄条画出每次训练的 η。",
    "lesson.noise_floor.title": "为什么损失降不到 0（d2l 的小例子）",
    "lesson.noise_floor.text": "x = 0, 1, 2, 3，模型 y = w·x（b 固定为 0），从 w = 2 出发，每次更新用一个"
    "打乱后的样本，η = 0.03（笔记里写的是 lr = 0.3，但更新时除以了批量大小 10）。标签干净（y = x）时损失"
    "能降到 0；把最后一个标签改成 3.1，就没有任何一条 y = w·x 能穿过所有点：损失停在虚线所示的下限，"
    "单样本更新还会在它上方不停抖动。",
    "lesson.cost_vs_sample.title": "全部数据的代价与单个样本的损失（课程笔记）",
    "lesson.cost_vs_sample.text": "x = 1, 2, 3，y = 2, 4, 6，模型 y = w·x，从 w = 1 出发，η = 0.01，训练 "
    "100 轮。代价函数（cost）每次更新都对全部三个点的梯度取平均；单样本的损失（loss）按顺序每个点更新一次，"
    "每轮更新三次，所以更快到达 w = 2。两种方式对 x = 4 的预测都从 4 变成约 8。",
    "lesson.ravine.title": "峡谷：梯度下降慢慢爬，动量法和 Adam 能穿过去",
    "lesson.ravine.text": "Rosenbrock 函数，从 (−1.5, 2.5) 出发，更新 3000 次。弯曲峡谷的两侧很陡，所以梯度"
    "下降只能用很小的步长（η = 0.001），然后在几乎平坦的谷底上缓慢爬行：3000 次更新后离最小值 (1, 1) 还差"
    "一段。动量法用同样的 η，沿着谷底越走越快，最终到达；Adam 按每个坐标梯度的滑动大小来缩放步长，也能到达。",
    "lesson.starts.title": "起点决定结果：四个起点，四个最小值",
    "lesson.starts.text": "Himmelblau 函数有四个一样高的最小值。普通梯度下降用同样的步长，从四个起点出发，"
    "落进了四个不同的最小值：在非凸曲面上，起点决定了答案。",
    "lesson.saddle.title": "鞍点：正好在上面就卡住，离开一点就能脱身",
    "lesson.saddle.text": "f = x⁴/4 − x²/2 + y²/2 在原点有一个鞍点，两侧的最小值在 (±1, 0)。如果正好从直线 "
    "x = 0 上出发，梯度根本没有 x 分量：梯度下降滑进鞍点就停在那里。如果偏开 0.01 出发，它会离开鞍点，"
    "起初很慢，最后到达一个最小值。σ = 0.05 的梯度噪声也能让卡住的那次训练脱身。",
    "lesson.neuron_saddle.title": "神经元的鞍点：小批量的噪声帮不上忙",
    "lesson.neuron_saddle.text": "一个 tanh 神经元 y = w2·tanh(w1·x)，数据 y ≈ 2 tanh(1.5x)。在 (0, 0) 处，"
    "每个样本的预测都是 0，每个样本自己的梯度也都是零，所以即使每次只用一个样本更新也动不了：训练停在鞍点。"
    "从 (0.01, 0.01) 出发，同样的更新就能离开它，到达 (1.5, 2) 附近的最小值。",
}

# one weight, several parameters
ZH |= {
    "one_weight_title": "一个权重：把损失画成曲线 L(w)",
    "one_weight_what": "**你看到的是什么。**模型 y = w·x 只有一个参数，所以它的损失是一条曲线 L(w)。黑线是全部"
    "数据上的代价；虚线是每个样本自己的损失。时间轴让你跟随的那次训练沿着它走：绿色切线的斜率就是下一次更新"
    "用的梯度（每次一个样本时，是那个样本的虚线曲线的斜率），箭头是这一步。\n\n**试一试。**跟随“每次一个样本”，"
    "一步一步走完一轮：每一步跟随的都是另一个样本的曲线。再试试字面意义上的 η = 0.3 预设。",
    "one_weight_intro.course": "课程笔记（seed 000）：x = 1, 2, 3，y = 2, 4, 6，模型 y = w·x，从 w = 1 出发，"
    "η = 0.01。代价函数每次更新都对全部数据的梯度取平均；单样本的损失按顺序在每个点之后各更新一次。",
    "one_weight_intro.tiny_clean": "d2l 的小例子，标签无噪声（y = x）：代价在 w = 1 处降到 0，那里每个样本"
    "自己的损失也都是 0。",
    "one_weight_intro.tiny_noisy": "d2l 的小例子，有一个带噪声的标签（3.1）：各个样本对最佳 w 的看法不一致，"
    "所以代价降不到 0，单样本更新会让 w 在谷底附近来回摆动。笔记里写的是 lr = 0.3，但除以了批量大小 10，"
    "所以每一步是 0.03 × 梯度；字面意义上的 0.3 会冲过头并发散。",
    "one_weight_intro.line5x": "y = 5x，500 个点（seed 002），小批量大小为 10，每轮打乱：每个小批量的梯度"
    "几乎都指向全批量梯度的方向。",
    "presets": "教程预设",
    "preset1.course": "课程笔记：w0 = 1，η = 0.01，100 轮",
    "preset1.tiny": "d2l 小例子，带噪声标签，η = 0.03",
    "preset1.tiny_literal": "d2l 小例子，字面意义上的 η = 0.3",
    "preset1.line5x": "y = 5x，小批量大小 10",
    "follow": "跟随",
    "one_weight_curve": "损失随 w 的变化",
    "sample_loss": "单个样本的损失",
    "cost_all": "代价 L(w)，全部数据",
    "regime1.batch": "每次更新用全部数据",
    "regime1.sgd": "每次更新用一个样本",
    "regime1.mini": "小批量大小 10",
    "predict_before": "训练前 x = 4 的预测",
    "predict_after": "训练后，{name}",
    "one_weight_limit": "b 固定时，用全部数据更新在 η 小于 {limit:.3g}（1 / mean(x²)）时稳定；单个样本 x "
    "则需要 η 小于 1 / x²。",
    "params_title": "多个参数：精确损失的二维切片",
    "params_what": "**你看到的是什么。**三个参数没法画在一张图上：等高线图是穿过其中两个参数的切片，其余参数"
    "固定（在当前显示的位置，或在最小值处）。时间轴播放训练过程；数学面板写出每个参数的更新。\n\n"
    "**试一试。**用 w1 和 w2 切多项式模型：一条又长又窄的山谷（条件数约为 515），路径在里面慢慢爬。",
    "model.d2l": "d2l 3.2：y = X·[2, −3.4] + 4.2",
    "model.poly": "seed 003：y = w1·x² + w2·x + w3",
    "model_intro.d2l": "1000 个样本，X ~ N(0, 1)，噪声 0.01，小批量大小 10，每轮打乱，从 w ~ N(0, 0.01²)、"
    "b = 0 出发训练 300 轮。笔记中的 lr = {tutorial_lr:g} 针对的是损失 (ŷ − y)²/2，而且除以了批量大小，"
    "相当于这里所用 MSE 上的 η = {lr:g}。",
    "model_intro.poly": "x = 0.00 … 0.99，y = 4x² + 5x + 6，起点 (1, 0, 1)，η = {lr:g}，按顺序每次一个样本，"
    "最多 1000 轮，某一轮的平均损失低于 1e-5 时停止。特征 x² 和 x 高度相关，所以山谷又长又窄。",
    "early_stop": "提前停止（每轮损失 < 1e-5）",
    "early_stop_help": "与教程相同：每轮结束后，如果各样本损失（都在各自更新前计算）的平均值低于 1e-5 "
    "就停止。",
    "axes": "切片所用参数",
    "hold": "其余参数固定在",
    "hold.current": "当前显示的位置",
    "hold.optimum": "最小值处",
    "held.current": "切片把 {held} 固定在第 {step:,} 次更新后的位置（把时间轴停在别处，切片就会跟过去）；"
    "路径显示的是被切的两个参数，它的其他坐标可能不在这个切片上。",
    "held.optimum": "切片把 {held} 固定在最小值处；路径显示的是被切的两个参数，它的其他坐标可能不在这个切片上。",
    "held.none": "所有参数都在坐标轴上：这就是完整的损失。",
    "pick_two": "请为坐标轴选择两个参数。",
    "slice_min": "切片的最小值",
    "slice_title": "({a}, {b}) 上的损失，其余参数固定",
    "col.parameter": "参数",
    "col.true": "真实值",
    "col.estimate": "估计值",
    "col.error": "误差（真实值 − 估计值）",
    "col.optimum": "最小二乘",
    "half_loss": "笔记中打印的损失",
    "half_loss_help": "d2l 打印的是 (ŷ − y)²/2 的平均值，即 MSE 的一半。",
    "epoch_loss": "教程中打印的最后一轮损失",
    "epoch_loss_help": "各样本损失的平均值，每个都在它自己的更新之前计算。",
    "stopped_early": "第 {epoch:,} 轮后提前停止：这一轮的平均损失低于 1e-5。",
    # --- the network page (issue 16) ------------------------------------------------------------
    "network_page": "小型神经网络",
    "net.title": "小型神经网络的损失地形",
    "net.intro": "一个网络：一个输入，一到两个隐藏层（每层最多 32 个 tanh 或 ReLU 单元），一个"
    "输出。它用本实验室的优化器拟合数据（梯度由反向传播逐层手工写出）。它的损失是所有权重和偏置"
    "（共 P 个）上的一个曲面：维度太多，无法直接画出。所以本页像研究工具那样画切片（Li 等 2018；"
    "Goodfellow 等 2015）：\n\n"
    "- **随机平面**：穿过最终权重，由两个随机方向张成，每个方向逐个单元缩放到该单元自身输入权重"
    "的大小（滤波器归一化；偏置不动）。↻ 重新抽取两个方向；\n"
    "- **路径前两个主成分所在的平面**，路径投影在上面，并给出这两个主成分解释了路径多少方差；\n"
    "- **直线**：从训练的起点到终点（t = 0 到 1）；\n"
    "- 损失随轮变化的曲线，以及网络在数据上的预测曲线，显示上方所选的那一轮。\n\n"
    "试试预设：小批量对全批量（它们找到的极小值更宽还是更尖？），以及 ReLU 对 tanh。"
    "x 按训练集标准化。",
    "net.data": "数据",
    "net.layers": "隐藏层数",
    "net.units": "每层单元数",
    "net.units_help": "每个隐藏层的单元数（1 到 32）。",
    "net.act": "激活函数",
    "net.preset.wide_sharp": "宽极小值对尖极小值",
    "net.preset.relu_tanh": "ReLU 对 tanh",
    "net.preset_help.wide_sharp": "小批量（4）对全批量，普通梯度下降，η = 0.1：两个切片并排，"
    "使用同一色标。",
    "net.preset_help.relu_tanh": "同一网络分别用 tanh 和 ReLU 单元（Adam，η = 0.01，批量 16）："
    "两个切片并排。",
    "net.seed": "种子（初始权重、批次顺序）",
    "net.seed_help": "初始权重按 torch.nn.Linear 的方式（在 ±1/√fan_in 上均匀分布）由这个种子"
    "抽取；批次也由它打乱。",
    "net.dirs": "随机方向的种子",
    "net.dirs_help": "随机平面的两个方向由这个种子抽取。",
    "net.redraw": "↻ 新方向",
    "net.pair": "比较两次运行",
    "net.pair.none": "不比较",
    "net.pair.batch": "小批量对全批量",
    "net.pair.act": "tanh 对 ReLU",
    "net.pair_help": "再训练一个只有一处不同的网络，把两个随机切片并排显示，各自穿过自己的最终权重。",
    "net.batch_of": "批量 {b}",
    "net.full_batch": "全批量（{n}）",
    "net.at": "显示的轮",
    "net.at_help": "损失曲线、预测曲线和 PCA 平面上的点都跟随它。",
    "net.status": "网络 {shape}：P = {p} 个参数，N = {n} 个训练样本，{k} 次更新。"
    "下面每个视图都是一个 {p} 维曲面的切片。",
    "net.diverged": "这次运行在第 {k} 次更新时发散；视图显示到那里为止。",
    "net.capped": "限制为 {epochs:,} 轮（{cap:,} 次更新），让每次运行都保持快速。",
    "net.subsampled": "网络只用 {total} 个训练样本中的 {n} 个（由种子抽取）训练，让每个切片都保持"
    "快速。",
    "net.what_a_slice_shows": "切片能显示的：损失在最终权重周围沿 {p} 个方向中的两个如何变化，"
    "以及沿这两个方向盆地的宽度和形状。不能显示的：平面之外的一切。切片上的极小值在 {p} 维中不一定"
    "是极小值；一个山谷在一个平面上看似封闭，在另一个平面上可能是敞开的（↻ 换一个平面）。",
    "net.pair_head.batch": "宽极小值还是尖极小值？小批量对全批量",
    "net.pair_head.act": "tanh 对 ReLU",
    "net.pair_note.batch": "每个切片穿过自己的最终权重，方向按自己的权重缩放，所以宽度可以比较"
    "（这正是滤波器归一化的用途）。小批量是否真的找到了更宽的盆地，取决于数据和网络：先看，"
    "再换几组方向，然后再下结论。",
    "net.pair_note.act": "每个切片穿过自己的最终权重。ReLU 的地形是分段的：单元开启或关闭处有折痕。",
    "net.alpha": "α（方向 1）",
    "net.beta": "β（方向 2）",
    "net.final": "最终权重",
    "net.slice3d_title": "随机平面上的损失",
    "net.slice_title": "同一平面的俯视图",
    "net.pca_title": "路径的主成分平面（{share}）",
    "net.pc": "PC{k}（{share}）",
    "net.at_epoch": "第 {epoch:,} 轮",
    "net.line_x": "t（θ = θ₀ + t·(θ_end − θ₀)）",
    "net.line_title": "起点到终点的直线",
    "net.fit_start": "起点",
    "net.fit_end": "终点",
    "net.fit_title": "网络的预测",
    "net.pair_title": "各自的随机平面",
    "net.pair_line_title": "沿方向 1 的损失",
    "net.slice3d_title.short": "随机平面",
    "net.slice_title.short": "俯视",
    "net.pca_title.short": "PCA 平面（{share}）",
    "net.line_title.short": "起点 → 终点",
    "net.fit_title.short": "预测",
    "net.pair_title.short": "两个平面",
    "net.pair_line_title.short": "沿方向 1",
    "net.play": "播放",
    "net.pause": "暂停",
    "net.play_help": "逐轮播放这次运行：损失曲线、预测曲线和 PCA 平面上的点随之移动。",
    "net.with_width": "{name} · 宽度 {width}",
    "net.width_note": "宽度：在最终权重周围，损失保持在其值两倍以下的 α 区间长度。",
    # --- end of the network page's texts -------------------------------------------------------
}
