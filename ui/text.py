"""Every word the pages show, in English and Chinese. Numbers are formatted the same in both."""
from __future__ import annotations

import streamlit as st

LANGUAGES = {"en": "English", "zh": "中文"}

EN = {
    "app_title": "Loss-surface lab",
    "explorer": "Explorer",
    "explorer_title": "Gradient descent on the true loss surface",
    "explorer_intro": "Linear regression y = b + w·x with the mean squared error. Move a slider: "
                      "the surface, the path, the loss curve and the fitted line all follow.",
    # controls
    "scenario": "Scenario",
    "scenario.book": "Book, chapter 0 (y = 1 + 2x + noise, 100 points)",
    "scenario.book_x10": "Book, chapter 0 with the bad feature x × 10",
    "scenario.line5x": "y = 5x, 500 points (no noise)",
    "scenario.synthetic": "Synthetic: choose the line, the noise and the x range",
    "synthetic_data": "Synthetic data",
    "n": "Number of points N",
    "noise": "Label noise (standard deviation)",
    "true_w": "True slope w",
    "true_b": "True intercept b",
    "x_min": "x from",
    "x_max": "x to",
    "val": "Validation fraction",
    "optimizer": "Gradient descent",
    "lr": "Learning rate η",
    "lr_help": "Step size. Full-batch descent is stable below 2 / λ_max(Hessian), shown under the charts.",
    "batch": "Batch size",
    "batch_help": "Examples per update: 1 is stochastic gradient descent (one sample), the whole "
                  "training split is batch gradient descent, anything between is mini-batch.",
    "regime.one": "one sample (SGD)",
    "regime.mini": "mini-batch",
    "regime.full": "full batch",
    "epochs": "Epochs",
    "epochs_capped": "Only the first {epochs} epochs run: a run is capped at {cap:,} updates.",
    "scaling": "Feature scaling",
    "scaling.none": "none",
    "scaling.standard": "standardise",
    "scaling_help": "Standardise x with the mean and (population) standard deviation of the "
                    "training split. The optimizer then works on z = (x − mean) / std.",
    "start": "Starting weights",
    "start.book": "drawn like the book (from the seed)",
    "start.manual": "set by hand",
    "b0": "Initial b",
    "w0": "Initial w",
    "seed": "Seed",
    "seed_help": "Draws the starting weights (like the book: np.random.seed(seed), b = randn, "
                 "w = randn), the shuffle order and synthetic data.",
    "shuffle": "Reshuffle every epoch",
    "view": "View",
    "log": "Log-scale loss axis",
    # charts
    "surface_title": "Loss surface with the path",
    "contour_title": "Contour map with the path",
    "curve_title": "Loss against epoch",
    "data_title": "Data and fitted line",
    "surface": "MSE",
    "path": "path",
    "start_pt": "start",
    "minimum": "minimum",
    "loss": "MSE",
    "epoch": "epoch",
    "train": "train",
    "val_set": "validation",
    "batch_loss": "mini-batch loss",
    "floor": "lowest possible train MSE",
    "fit": "current line",
    "start_line": "starting line",
    "best_line": "least squares",
    "b_scaled": "b′ (on scaled x)",
    "w_scaled": "w′ (on scaled x)",
    # numbers
    "final_b": "b after training",
    "final_w": "w after training",
    "original_units": "In original units: b = {b:.4f}, w = {w:.4f} (the same line).",
    "train_loss": "Train MSE",
    "val_loss": "Validation MSE",
    "distance": "Distance to optimum",
    "stable_lr": "Stable learning rate below",
    "stable_lr_help": "Full-batch gradient descent diverges for η > 2 / λ_max(Hessian).",
    "condition": "Condition number",
    "condition_help": "λ_max / λ_min of the Hessian: 1 means round contours; large means a long "
                      "narrow valley where one learning rate cannot suit both directions.",
    "optimum": "Optimum (least squares): b* = {b:.4f}, w* = {w:.4f}, lowest train MSE {loss:.6g}.",
    "status.converged": "Converged: after update {k:,} the train loss stays within a millionth of "
                        "the reducible loss of the minimum. {updates:,} updates in {epochs:,} epochs.",
    "status.completed": "Ran all {epochs:,} epochs ({updates:,} updates) without settling at the minimum.",
    "status.diverged": "Diverged at update {k:,}: the loss exploded, so the run stopped there and "
                       "shows the {kept:,} updates before it. The stable limit for full-batch descent "
                       "here is about η = {limit:.3g}; this run used η = {lr:g}.",
    "short.left_window": "The path left the plot at update {k:,} (b = {b:.4g}, w = {w:.4g}).",
    "short.converged": "Converged at update {k:,} of {updates:,}.",
    "short.completed": "Ran all {epochs:,} epochs ({updates:,} updates), not settled yet.",
    "short.diverged": "Diverged at update {k:,}: η = {lr:g} is above the stable limit ≈ {limit:.3g}.",
    "above_limit": "η = {lr:g} is above the full-batch stability limit {limit:.3g}.",
    "left_window": "The path left the plotted area at update {k:,} (b = {b:.4g}, w = {w:.4g}); the "
                   "charts keep their axes so runs stay comparable, and show the path up to there.",
    "error_data": "This data cannot be used: {reason}.",
    "empty_range": "the x range is empty, so x in [0, 1] is used",
    "error_run": "This run could not be computed: {reason}.",
    # links, language, projector
    "language": "Language / 语言",
    "projector": "Projector mode",
    "projector_help": "Big chart text, thick lines, high-contrast colours; the four views fit a "
                      "1280×720 screen.",
    "share": "Share this view",
    "share_help": "This link opens exactly this view: the same data, settings, path and numbers.",
    "link_notice": "Part of the link was not used:",
    "link_ignored": "{key} ({reason}, ignored)",
    "link_clamped": "{key} ({reason}, using {value})",
    "reason.unknown": "not a known setting",
    "reason.repeated": "given more than once",
    "reason.long": "too long",
    "reason.invalid": "not valid",
    "reason.number": "not a number",
    "reason.nonfinite": "not a finite number",
    "reason.range": "outside {lo} … {hi}",
    "reason.whole": "not a whole number",
    "reason.step": "not a multiple of {args}",
    "reason.choice": "not one of {args}",
    "reason.flag": "not 0 or 1",
    "reason.nearest": "not on the slider",
}


ZH = {
    "app_title": "损失曲面实验室",
    "explorer": "探索",
    "explorer_title": "在真实的损失曲面上看梯度下降",
    "explorer_intro": "线性回归 y = b + w·x,损失函数为均方误差(MSE)。拖动任意滑块,"
                      "曲面、路径、损失曲线和拟合直线都会一起更新。",
    "scenario": "场景",
    "scenario.book": "书中第 0 章(y = 1 + 2x + 噪声,100 个点)",
    "scenario.book_x10": "书中第 0 章,换成“坏特征” x × 10",
    "scenario.line5x": "y = 5x,500 个点(无噪声)",
    "scenario.synthetic": "自定义合成数据:直线、噪声和 x 的范围由你定",
    "synthetic_data": "合成数据",
    "n": "数据点个数 N",
    "noise": "标签噪声(标准差)",
    "true_w": "真实斜率 w",
    "true_b": "真实截距 b",
    "x_min": "x 从",
    "x_max": "x 到",
    "val": "验证集比例",
    "optimizer": "梯度下降",
    "lr": "学习率 η",
    "lr_help": "每一步走多远。全批量梯度下降只有在 η 小于 2 / λ_max(海森矩阵)时才稳定,"
               "这个上限显示在图表下方。",
    "batch": "批量大小",
    "batch_help": "每次更新用多少个样本:1 就是随机梯度下降(每次一个样本),"
                  "用整个训练集就是批量梯度下降,介于两者之间就是小批量梯度下降。",
    "regime.one": "单个样本(SGD)",
    "regime.mini": "小批量",
    "regime.full": "全批量",
    "epochs": "训练轮数(epoch)",
    "epochs_capped": "只运行了前 {epochs} 轮:每次运行最多 {cap:,} 次更新。",
    "scaling": "特征缩放",
    "scaling.none": "不缩放",
    "scaling.standard": "标准化",
    "scaling_help": "用训练集的均值和(总体)标准差把 x 标准化,"
                    "之后优化器处理的是 z = (x − 均值) / 标准差。",
    "start": "初始权重",
    "start.book": "按书中的方法随机抽取(由种子决定)",
    "start.manual": "手动设置",
    "b0": "初始 b",
    "w0": "初始 w",
    "seed": "随机种子",
    "seed_help": "决定初始权重(与书中相同:np.random.seed(seed),b = randn,w = randn)、"
                 "每轮的打乱顺序以及合成数据。",
    "shuffle": "每轮重新打乱数据",
    "view": "显示",
    "log": "损失轴用对数刻度",
    "surface_title": "损失曲面与下降路径",
    "contour_title": "等高线图与下降路径",
    "curve_title": "损失随训练轮数的变化",
    "data_title": "数据与拟合直线",
    "surface": "MSE",
    "path": "路径",
    "start_pt": "起点",
    "minimum": "最小值",
    "loss": "MSE",
    "epoch": "轮数",
    "train": "训练集",
    "val_set": "验证集",
    "batch_loss": "小批量损失",
    "floor": "训练 MSE 的最低可能值",
    "fit": "当前直线",
    "start_line": "初始直线",
    "best_line": "最小二乘解",
    "b_scaled": "b′(标准化后的 x)",
    "w_scaled": "w′(标准化后的 x)",
    "final_b": "训练后的 b",
    "final_w": "训练后的 w",
    "original_units": "换算回原始单位:b = {b:.4f},w = {w:.4f}(同一条直线)。",
    "train_loss": "训练集 MSE",
    "val_loss": "验证集 MSE",
    "distance": "到最优点的距离",
    "stable_lr": "稳定学习率上限",
    "stable_lr_help": "η > 2 / λ_max(海森矩阵)时,全批量梯度下降会发散。",
    "condition": "条件数",
    "condition_help": "海森矩阵的 λ_max / λ_min:等于 1 时等高线是圆;很大时是一条又长又窄的山谷,"
                      "同一个学习率无法同时照顾两个方向。",
    "optimum": "最优解(最小二乘):b* = {b:.4f},w* = {w:.4f},训练 MSE 最低为 {loss:.6g}。",
    "status.converged": "已收敛:从第 {k:,} 次更新起,训练损失与最小值之差一直小于可下降部分的百万分之一。"
                        "共 {updates:,} 次更新,{epochs:,} 轮。",
    "status.completed": "跑完了全部 {epochs:,} 轮({updates:,} 次更新),但还没有稳定在最小值。",
    "status.diverged": "在第 {k:,} 次更新时发散:损失爆炸,运行在这里停止,只显示之前的 {kept:,} 次更新。"
                       "这里全批量梯度下降的稳定上限约为 η = {limit:.3g},本次用的是 η = {lr:g}。",
    "short.left_window": "路径在第 {k:,} 次更新时离开了绘图区域(b = {b:.4g},w = {w:.4g})。",
    "short.converged": "第 {k:,} 次更新时已收敛(共 {updates:,} 次)。",
    "short.completed": "跑完了全部 {epochs:,} 轮({updates:,} 次更新),尚未稳定。",
    "short.diverged": "第 {k:,} 次更新时发散:η = {lr:g} 超过了稳定上限 ≈ {limit:.3g}。",
    "above_limit": "η = {lr:g} 超过了全批量的稳定上限 {limit:.3g}。",
    "left_window": "路径在第 {k:,} 次更新时离开了绘图区域(b = {b:.4g},w = {w:.4g})。"
                   "坐标轴保持不变以便比较不同的运行,路径只画到离开之前。",
    "error_data": "无法使用这份数据:{reason}。",
    "empty_range": "x 的范围是空的,因此改用 [0, 1]",
    "error_run": "无法计算这次运行:{reason}。",
    "language": "Language / 语言",
    "projector": "投影模式",
    "projector_help": "图表文字更大、线条更粗、颜色对比更强;四个视图在 1280×720 的屏幕上一屏显示。",
    "share": "分享当前视图",
    "share_help": "打开这个链接会看到完全相同的视图:同样的数据、设置、路径和数值。",
    "link_notice": "链接中有部分参数未被使用:",
    "link_ignored": "{key}({reason},已忽略)",
    "link_clamped": "{key}({reason},改用 {value})",
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
}
TEXTS = {"en": EN, "zh": ZH}


def language() -> str:
    try:
        lang = st.session_state.get("lang", "en")
    except Exception:  # outside a Streamlit run (plain scripts, unit tests)
        lang = "en"
    return lang if lang in TEXTS else "en"


def t(key: str, /, **values) -> str:
    """The text for ``key`` in the session's language, formatted with ``values``."""
    text = TEXTS[language()][key]
    return text.format(**values) if values else text
