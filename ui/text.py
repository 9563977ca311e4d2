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
    "scenario.course": "Course notes: x = 1, 2, 3 and y = 2, 4, 6",
    "scenario.tiny_clean": "Tiny: x = 0, 1, 2, 3 and y = x (clean labels)",
    "scenario.tiny_noisy": "Tiny: x = 0, 1, 2, 3 with one noisy label y = 3.1",
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
    "train_b": "Train the intercept b",
    "train_b_help": "Off: b stays at its start and only w learns, the model y = w·x (plus a fixed b) "
    "of the course notes and the tiny example.",
    "no_val": "no validation split",
    "view": "View",
    "log": "Log-scale loss axis",
    # charts
    "surface_title": "Loss surface with the path",
    "contour_title": "Contour map with the path",
    "curve_title": "Loss against epoch",
    "curve_title_x": "Loss against {axis}",
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
    # the timeline (the words timeline.js fills in: {k} and friends are its placeholders)
    "tl.label": "update {k} of {K} · epoch {epoch}",
    "tl.label_short": "{k} / {K} · epoch {epoch}",
    "tl.play": "Play (space)",
    "tl.pause": "Pause (space)",
    "tl.back": "One step back (← or Page Up)",
    "tl.forward": "One step forward (→ or Page Down)",
    "tl.to_start": "To the start (Home)",
    "tl.to_end": "To the end (End)",
    "tl.speed": "Playback speed (1× = 20 frames a second)",
    "tl.unit": "Step and scrub by update or by epoch",
    "tl.unit_update": "by update",
    "tl.unit_epoch": "by epoch",
    "tl.scrub": "Position in the run",
    "tl.neg_grad": "−∇L",
    "tl.position": "After {k} of {K} updates (epoch {epoch})",
    "tl.at_point": "b = {b}, w = {w}, train MSE = {loss}",
    "tl.end": "The end of the run: there is no update {k}.",
    "tl.end_diverged": "Update {k} would have made the loss explode, so the run stopped here.",
    "tl.next_update": "Next: update {k}",
    "tl.batch_all": "the batch is all {m} training examples",
    "tl.batch_some": "mini-batch of {m} of {n} examples (ringed on the data plot)",
    "tl.batch_some_unringed": "mini-batch of {m} of {n} examples",
    "tl.outside": "Outside the plotted area since update {k}: the charts mark nothing here.",
    "tl.gradient": "Gradient of the batch loss here",
    "tl.held_b": "(b is held, not trained)",
    "tl.update": "Update with η = {lr}",
    "tl.loss_all": "Train MSE (all data): {before} → {after}",
    "tl.loss_batch": "MSE of this mini-batch: {before} → {after}",
    "tl.rule_momentum": "momentum: v ← β·v + ∇L, Δθ = −η·v (β = {beta})",
    "tl.rule_nesterov": "Nesterov: v ← β·v + ∇L, Δθ = −η·(∇L + β·v) (β = {beta})",
    "tl.rule_adagrad": "AdaGrad: s ← s + ∇L², Δθ = −η·∇L / √s",
    "tl.rule_rmsprop": "RMSProp: s ← ρ·s + (1 − ρ)·∇L², Δθ = −η·∇L / √s (ρ = {beta})",
    "tl.rule_adam": "Adam: m ← β₁m + (1−β₁)∇L, v ← β₂v + (1−β₂)∇L², Δθ = −η·m̂ / √v̂ "
    "(β₁ = {beta}, β₂ = {beta2})",
    "cross_title": "Cross-sections through the current point",
    "along_w": "L(w), b held",
    "along_b": "L(b), w held",
    "cross_full": "all training data",
    "cross_batch": "this mini-batch",
    "cross_tangent": "tangent: slope = ∂L",
    "current": "now",
    "step_beyond": "The link's step={step:,} is past the end of this run ({updates:,} updates): "
    "showing the end.",
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
    "reason.count": "more than {args} values",
    "reason.batch_step": "not a step of the batch-size slider",
    "reason.batch_full": "more than the {args} training examples: the full batch",
    # optimizers and the comparison page
    "opt": "Optimizer",
    "opt.gd": "gradient descent",
    "opt.momentum": "momentum",
    "opt.nesterov": "Nesterov",
    "opt.adagrad": "AdaGrad",
    "opt.rmsprop": "RMSProp",
    "opt.adam": "Adam",
    "opt_help": "Plain gradient descent steps −η·g. Momentum and Nesterov keep a velocity; AdaGrad, "
    "RMSProp and Adam divide each step by a running size of the gradient.",
    "beta": "β (momentum, RMSProp's ρ, Adam's β₁)",
    "beta2": "Adam's β₂",
    "compare_page": "Compare",
    "compare_title": "Compare runs: the same start, one knob changed",
    "compare": "Compare",
    "compare.lr": "learning rates",
    "compare.batch": "batch sizes",
    "compare.scaling": "raw against standardised",
    "compare.optimizer": "optimizers",
    "compare_intro.lr": "Rates picked around this problem's stable limit η ≈ {limit:.3g}: too small, "
    "good, near the limit and beyond it. Every run starts at the same point.",
    "compare_intro.batch": "The same start, learning rate and shuffle order; only the batch size "
    "differs. Count updates, epochs or examples seen on the loss chart to "
    "compare them fairly.",
    "compare_intro.scaling": "The same data with the raw and the standardised feature, each on its "
    "own surface. The table gives both results in original units: the same "
    "line, reached at different speeds.",
    "compare_intro.optimizer": "The same start, learning rate and batches for every optimizer.",
    "rates": "Learning rates",
    "batches": "Batch sizes",
    "opts": "Optimizers",
    "xaxis": "Loss chart counts",
    "xaxis.updates": "updates",
    "xaxis.epochs": "epochs",
    "xaxis.examples": "examples seen",
    "epoch_points": "Draw one point per epoch",
    "small_multiples": "One contour per learning rate (shared colour scale)",
    "book_three_paths": "The book's figure: start b = 0.8300, w = 0.7645",
    "need_two": "Pick at least one run.",
    # several parameters
    "params_page": "Several parameters",
    "params_title": "Several parameters: a 2D slice of the exact loss",
    "model": "Tutorial model",
    "model.d2l": "d2l 3.2: y = X·[2, −3.4] + 4.2 (two features and a bias)",
    "model.poly": "Seed 003: y = w1·x² + w2·x + w3 (a polynomial)",
    "model_intro.d2l": "1000 examples, X ~ N(0, 1), noise 0.01, mini-batches of 10, shuffled, "
    "300 epochs from w ~ N(0, 0.01²), b = 0. The notes' lr = {tutorial_lr:g} is on the loss "
    "(ŷ − y)²/2 and divides by the batch size, which is η = {lr:g} on the MSE used here. "
    "Three parameters do not fit on one picture: the contour is a slice through two of them.",
    "model_intro.poly": "x = 0.00 … 0.99, y = 4x² + 5x + 6, start (1, 0, 1), η = {lr:g}, one "
    "sample at a time in order, up to 1000 epochs, stopping once an epoch's mean loss is "
    "below 1e-5. The features x² and x are strongly correlated, so the valley is long and "
    "narrow (condition number about 515) and the path crawls along it.",
    "early_stop": "Stop early (epoch loss < 1e-5)",
    "early_stop_help": "As the tutorial does: after each epoch, stop once the mean per-sample "
    "loss (each taken before its update) is below 1e-5.",
    "axes": "Slice through",
    "hold": "Other parameters held at",
    "hold.current": "the current update (the slice moves)",
    "hold.optimum": "the optimum",
    "held.current": "The slice holds {held} as they are after update {step:,}; the path shows the "
    "two sliced parameters (its other coordinates may lie off this slice).",
    "held.optimum": "The slice holds {held} at the optimum; the path shows the two sliced "
    "parameters (its other coordinates may lie off this slice).",
    "held.none": "Every parameter is on the axes: this is the whole loss.",
    "pick_two": "Pick two parameters for the axes.",
    "slice_min": "minimum of the slice",
    "slice_title": "Loss over ({a}, {b}), the other parameters held",
    "col.param": "parameter",
    "col.true": "true",
    "col.estimate": "estimated",
    "col.error": "error (true − estimated)",
    "col.optimum": "least squares",
    "half_loss": "Loss as the notes print it",
    "half_loss_help": "d2l prints the mean of (ŷ − y)²/2, half the MSE.",
    "epoch_loss": "Last epoch's loss as the tutorial prints it",
    "epoch_loss_help": "The mean of each sample's loss, each taken before its own update.",
    "updates": "Updates",
    "stopped_early": "Stopped early after epoch {epoch:,}: the epoch's mean loss fell below 1e-5.",
    # one weight
    "one_weight": "One weight",
    "one_weight_title": "One weight: the loss as a curve L(w)",
    "one_weight_intro.course": "The course notes (seed 000): x = 1, 2, 3, y = 2, 4, 6 and the model "
    "y = w·x, from w = 1 with η = 0.01. The cost averages the gradient over all the data for "
    "each update; the one-sample loss updates after every point, in order. Drag the update "
    "slider: the dashed line is the tangent, its slope the gradient the next step uses.",
    "one_weight_intro.tiny_clean": "d2l's tiny example with clean labels y = x: the cost reaches "
    "zero at w = 1, where every sample's own loss is zero too.",
    "one_weight_intro.tiny_noisy": "d2l's tiny example with one noisy label (3.1): the samples "
    "disagree about the best w, so the cost cannot reach zero, and one-sample steps keep "
    "pulling w back and forth around the bottom. The notes write lr = 0.3 but divide by a "
    "batch size of 10, so each step is 0.03 × gradient; a literal 0.3 overshoots and diverges.",
    "one_weight_intro.line5x": "y = 5x on 500 points (seed 002), mini-batches of 10, shuffled: "
    "each mini-batch gradient points almost where the full one does.",
    "presets": "Tutorial presets",
    "preset1.course": "Course notes: w0 = 1, η = 0.01, 100 epochs",
    "preset1.tiny": "d2l tiny, noisy label, η = 0.03",
    "preset1.tiny_literal": "d2l tiny, literal η = 0.3",
    "preset1.line5x": "y = 5x, mini-batches of 10",
    "dataset": "Data",
    "step1": "Show update",
    "step1_help": "Where the tangent is drawn: the parameters after this many updates.",
    "one_weight_curve": "Loss against w, the steps taken and the tangent",
    "sample_loss": "loss of one sample",
    "cost_all": "cost L(w), all data",
    "tangent": "tangent · {name}",
    "regime1.batch": "batch GD (all data per step)",
    "regime1.sgd": "SGD (one sample per step)",
    "regime1.mini": "mini-batches of 10",
    "predict_before": "Prediction for x = 4, before",
    "predict_after": "after, {name}",
    "one_weight_limit": "With b held, steps over all the data are stable for η below {limit:.3g} "
    "(1 / mean(x²)); one sample x needs η below 1 / x².",
    # own data
    "scenario.upload": "Your own CSV file",
    "upload": "CSV file",
    "upload_help": "Numbers in columns, separated by commas, or by semicolons with decimal commas; "
    "UTF-8 or Windows-1252; with or without a header row. At most {mb} MB; the first "
    "{rows:,} rows are used. The file stays in this browser session only.",
    "upload_wait": "Choose a CSV file in the sidebar, then pick its x and y columns. Uploaded data "
    "is not part of a link: whoever opens the link uploads the file again.",
    "x_col": "x column",
    "y_col": "y column",
    "csv.empty": "The file is empty.",
    "csv.binary": "This is not a text file (it looks binary).",
    "csv.one_column": "Only one column was found: x and y need two, separated by commas, "
    "semicolons or tabs.",
    "csv.header_only": "The file has a header row but no data.",
    "csv.single_row": "The file has a single row of numbers: a line needs at least two points.",
    "csv.duplicate": "Two columns are both called “{name}”: rename one.",
    "csv.ragged": "Row {line} has {found} cells where the header has {expected}.",
    "csv.non_numeric": "{skipped} of {rows} rows have cells that are not numbers (the first is "
    "row {line}): too many to skip.",
    "csv.nonfinite": "Row {line}, column “{column}” holds an infinite or missing value "
    "(inf, nan or too large).",
    "csv.too_big": "The file is {size:,} bytes; at most {limit:,} are accepted.",
    "csv.too_wide": "The file has {columns} columns; at most {limit} are accepted.",
    "csv.skipped": "{count} rows with cells that are not numbers were left out (the first is row "
    "{line}).",
    "csv.truncated": "Only the first {rows:,} of {total:,} rows are used.",
    "csv.same_column": "Pick two different columns for x and y.",
    "csv.constant_x": "Column “{column}” has one value only in the training rows: no "
    "slope can be fitted.",
    # lessons
    "lessons": "Lessons",
    "lesson": "Lesson",
    "lessons_title": "Lessons: one knob changed, everything else the same",
    "open_explorer": "open in the explorer",
    "runs": "Runs",
    "col.run": "run",
    "col.lr": "η",
    "col.batch": "batch",
    "col.epochs": "epochs",
    "col.b": "b (original units)",
    "col.w": "w (original units)",
    "col.loss": "train MSE",
    "col.status": "how it ended",
    "ended.converged": "converged at update {k:,}",
    "ended.completed": "ran all {updates:,} updates",
    "ended.diverged": "diverged at update {k:,}",
    "floor_of": "floor: {name}",
    "variant.standardised": "standardised",
    "variant.cost over all data": "cost over all data",
    "variant.loss of one sample": "loss of one sample",
    "variant.80 · full batch": "80 · full batch",
    "variant.16 · mini-batch": "16 · mini-batch",
    "variant.1 · one sample": "1 · one sample",
    "lesson.learning_rate.title": "Learning rate: 0.2, 0.8 and 1.1 (the book)",
    "lesson.learning_rate.text": "The same start and the same full-batch descent with three learning "
    "rates. At η = 0.2 the path walks smoothly down to the minimum; at 0.8, just under the "
    "stable limit of about 0.81, every step overshoots across the valley and it zigzags in. At "
    "1.1 each step overshoots further than the last along b, and the loss explodes within a "
    "few updates.",
    "lesson.bad_feature.title": "A badly scaled feature: x × 10 against standardised (the book)",
    "lesson.bad_feature.text": "The same data with x multiplied by 10, the same learning rate 0.03 "
    "and 100 epochs. Raw, the valley is about 112 times longer than it is wide: 0.03 is already "
    "near the largest stable rate, so the path crosses the valley fast and then crawls along "
    "it. Standardised, the contours are circles and the same budget walks straight to the "
    "minimum; in original units both aim at the same line.",
    "lesson.batch_size.title": "Full batch, mini-batch, one sample",
    "lesson.batch_size.text": "The same start, learning rate 0.1 and 20 epochs, with batches of all "
    "80 points, of 16 and of a single point. Full batch follows the steepest way down; smaller "
    "batches take more and noisier steps per epoch. One sample gets close fastest but never "
    "settles: it keeps jittering around the minimum.",
    "lesson.noise_floor.title": "Why the loss does not reach zero (d2l's tiny example)",
    "lesson.noise_floor.text": "x = 0, 1, 2, 3, the model y = w·x (b held at 0), start w = 2, one "
    "shuffled sample per update at η = 0.03 (the notes write lr = 0.3 but divide the step by a "
    "batch size of 10). With clean labels y = x the loss reaches zero. Make the last label 3.1 "
    "and no line y = w·x passes through every point: the loss stops at the dotted floor, and "
    "one-sample updates keep jittering above it.",
    "lesson.cost_vs_sample.title": "Cost over all data against the loss of one sample (course notes)",
    "lesson.cost_vs_sample.text": "x = 1, 2, 3 and y = 2, 4, 6, the model y = w·x, start w = 1, "
    "η = 0.01, 100 epochs. The cost averages the gradient over all three points for each "
    "update; the one-sample loss updates after every point, in order, so it makes three "
    "updates per epoch and reaches w = 2 sooner. Either way the prediction for x = 4 goes "
    "from 4 to about 8.",
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
    "scenario.course": "课程笔记:x = 1, 2, 3,y = 2, 4, 6",
    "scenario.tiny_clean": "小例子:x = 0, 1, 2, 3,y = x(标签无噪声)",
    "scenario.tiny_noisy": "小例子:x = 0, 1, 2, 3,其中一个标签有噪声 y = 3.1",
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
    "train_b": "训练截距 b",
    "train_b_help": "关闭时 b 保持初始值不变,只学习 w,即课程笔记和小例子中的模型 y = w·x(外加固定的 b)。",
    "no_val": "没有验证集",
    "view": "显示",
    "log": "损失轴用对数刻度",
    "surface_title": "损失曲面与下降路径",
    "contour_title": "等高线图与下降路径",
    "curve_title": "损失随训练轮数的变化",
    "curve_title_x": "损失随{axis}的变化",
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
    "tl.label": "第 {k} / {K} 次更新 · 第 {epoch} 轮",
    "tl.label_short": "{k} / {K} · 第 {epoch} 轮",
    "tl.play": "播放(空格)",
    "tl.pause": "暂停(空格)",
    "tl.back": "后退一步(← 或 Page Up)",
    "tl.forward": "前进一步(→ 或 Page Down)",
    "tl.to_start": "回到开头(Home)",
    "tl.to_end": "跳到结尾(End)",
    "tl.speed": "播放速度(1× = 每秒 20 帧)",
    "tl.unit": "按更新或按轮次前进与拖动",
    "tl.unit_update": "按更新",
    "tl.unit_epoch": "按轮次",
    "tl.scrub": "在训练过程中的位置",
    "tl.neg_grad": "−∇L",
    "tl.position": "已完成 {K} 次中的 {k} 次更新(第 {epoch} 轮)",
    "tl.at_point": "b = {b},w = {w},训练 MSE = {loss}",
    "tl.end": "训练结束:没有第 {k} 次更新。",
    "tl.end_diverged": "第 {k} 次更新会让损失爆炸,所以训练停在这里。",
    "tl.next_update": "下一步:第 {k} 次更新",
    "tl.batch_all": "批量是全部 {m} 个训练样本",
    "tl.batch_some": "小批量:{n} 个样本中的 {m} 个(数据图上圈出)",
    "tl.batch_some_unringed": "小批量:{n} 个样本中的 {m} 个",
    "tl.outside": "从第 {k} 次更新起已离开绘图区域:图中不再标出位置。",
    "tl.gradient": "此处批量损失的梯度",
    "tl.held_b": "(b 固定,不训练)",
    "tl.update": "更新,η = {lr}",
    "tl.loss_all": "训练 MSE(全部数据):{before} → {after}",
    "tl.loss_batch": "该小批量的 MSE:{before} → {after}",
    "tl.rule_momentum": "动量法:v ← β·v + ∇L,Δθ = −η·v(β = {beta})",
    "tl.rule_nesterov": "Nesterov:v ← β·v + ∇L,Δθ = −η·(∇L + β·v)(β = {beta})",
    "tl.rule_adagrad": "AdaGrad:s ← s + ∇L²,Δθ = −η·∇L / √s",
    "tl.rule_rmsprop": "RMSProp:s ← ρ·s + (1 − ρ)·∇L²,Δθ = −η·∇L / √s(ρ = {beta})",
    "tl.rule_adam": "Adam:m ← β₁m + (1−β₁)∇L,v ← β₂v + (1−β₂)∇L²,Δθ = −η·m̂ / √v̂"
    "(β₁ = {beta},β₂ = {beta2})",
    "cross_title": "过当前点的截面",
    "along_w": "L(w),b 固定",
    "along_b": "L(b),w 固定",
    "cross_full": "全部训练数据",
    "cross_batch": "当前小批量",
    "cross_tangent": "切线:斜率 = ∂L",
    "current": "当前",
    "step_beyond": "链接中的 step={step:,} 超过了这次训练的总更新次数({updates:,}次),显示的是结尾。",
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
    "reason.count": "多于 {args} 个值",
    "reason.batch_step": "不是批量大小滑块上的取值",
    "reason.batch_full": "超过了 {args} 个训练样本，即全批量",
    "opt": "优化器",
    "opt.gd": "梯度下降",
    "opt.momentum": "动量法",
    "opt.nesterov": "Nesterov 动量",
    "opt.adagrad": "AdaGrad",
    "opt.rmsprop": "RMSProp",
    "opt.adam": "Adam",
    "opt_help": "普通梯度下降每步走 −η·g。动量法和 Nesterov 会保留一个“速度”;"
    "AdaGrad、RMSProp 和 Adam 会用梯度大小的累计值去除每一步。",
    "beta": "β(动量、RMSProp 的 ρ、Adam 的 β₁)",
    "beta2": "Adam 的 β₂",
    "compare_page": "对比",
    "compare_title": "对比多次运行:同一个起点,只改一个旋钮",
    "compare": "对比",
    "compare.lr": "学习率",
    "compare.batch": "批量大小",
    "compare.scaling": "原始特征与标准化特征",
    "compare.optimizer": "优化器",
    "compare_intro.lr": "学习率围绕这个问题的稳定上限 η ≈ {limit:.3g} 选取:太小、合适、接近上限、"
    "超过上限。所有运行都从同一点出发。",
    "compare_intro.batch": "同样的起点、学习率和打乱顺序,只有批量大小不同。"
    "损失图的横轴可以按更新次数、轮数或已见样本数来计,比较才公平。",
    "compare_intro.scaling": "同一份数据,分别用原始特征和标准化特征,各自画在自己的曲面上。"
    "表格里两者的结果都换算成原始单位:是同一条直线,只是到达的速度不同。",
    "compare_intro.optimizer": "所有优化器使用同样的起点、学习率和小批量。",
    "rates": "学习率",
    "batches": "批量大小",
    "opts": "优化器",
    "xaxis": "损失图的横轴",
    "xaxis.updates": "更新次数",
    "xaxis.epochs": "轮数",
    "xaxis.examples": "已见样本数",
    "epoch_points": "每轮只画一个点",
    "small_multiples": "每个学习率一张等高线图(颜色刻度相同)",
    "book_three_paths": "书中的图:起点 b = 0.8300,w = 0.7645",
    "need_two": "请至少选择一次运行。",
    "params_page": "多个参数",
    "params_title": "多个参数:精确损失的二维切片",
    "model": "教程模型",
    "model.d2l": "d2l 3.2:y = X·[2, −3.4] + 4.2(两个特征加偏置)",
    "model.poly": "seed 003:y = w1·x² + w2·x + w3(多项式)",
    "model_intro.d2l": "1000 个样本,X ~ N(0, 1),噪声 0.01,每批 10 个并打乱,从 w ~ N(0, 0.01²)、"
    "b = 0 出发训练 300 轮。笔记中的 lr = {tutorial_lr:g} 作用在损失 (ŷ − y)²/2 上,并且除以了批量"
    "大小,相当于这里对 MSE 用 η = {lr:g}。三个参数画不进一张图:等高线图是穿过其中两个参数的切片。",
    "model_intro.poly": "x = 0.00 … 0.99,y = 4x² + 5x + 6,从 (1, 0, 1) 出发,η = {lr:g},按顺序"
    "每次一个样本,最多 1000 轮,某一轮的平均损失低于 1e-5 就提前停止。特征 x² 和 x 高度相关,"
    "所以山谷又长又窄(条件数约 515),路径只能沿着谷底慢慢爬。",
    "early_stop": "提前停止(每轮损失 < 1e-5)",
    "early_stop_help": "与教程相同:每轮结束后,如果各样本损失(都在更新前计算)的平均值低于 1e-5 就停止。",
    "axes": "切片所用的两个参数",
    "hold": "其余参数固定在",
    "hold.current": "当前这次更新(切片会移动)",
    "hold.optimum": "最优点",
    "held.current": "切片把 {held} 固定为第 {step:,} 次更新之后的值;路径显示的是被切的两个参数"
    "(它的其他坐标可能不在这个切片上)。",
    "held.optimum": "切片把 {held} 固定在最优点;路径显示的是被切的两个参数(它的其他坐标可能不在这个切片上)。",
    "held.none": "所有参数都在坐标轴上:这就是完整的损失。",
    "pick_two": "请为坐标轴选择两个参数。",
    "slice_min": "切片上的最小值",
    "slice_title": "损失随 ({a}, {b}) 的变化,其余参数固定",
    "col.param": "参数",
    "col.true": "真实值",
    "col.estimate": "估计值",
    "col.error": "误差(真实 − 估计)",
    "col.optimum": "最小二乘解",
    "half_loss": "笔记中打印的损失",
    "half_loss_help": "d2l 打印的是 (ŷ − y)²/2 的平均值,即 MSE 的一半。",
    "epoch_loss": "教程打印的最后一轮损失",
    "epoch_loss_help": "各个样本损失的平均值,每个都在它自己的更新之前计算。",
    "updates": "更新次数",
    "stopped_early": "在第 {epoch:,} 轮后提前停止:该轮的平均损失低于 1e-5。",
    "one_weight": "单个权重",
    "one_weight_title": "单个权重:把损失画成曲线 L(w)",
    "one_weight_intro.course": "课程笔记(seed 000):x = 1, 2, 3,y = 2, 4, 6,模型 y = w·x,从 w = 1 "
    "出发,η = 0.01。代价函数(cost)每次更新对全部数据的梯度取平均;单样本的损失(loss)"
    "按顺序每个点更新一次。拖动“显示第几次更新”:虚线是切线,它的斜率就是下一步所用的梯度。",
    "one_weight_intro.tiny_clean": "d2l 的小例子,标签干净(y = x):代价在 w = 1 处降到 0,"
    "此时每个样本自己的损失也都是 0。",
    "one_weight_intro.tiny_noisy": "d2l 的小例子,其中一个标签有噪声(3.1):各个样本“心目中”最好的 w "
    "不一样,所以代价降不到 0,单样本更新会让 w 在谷底附近来回摆动。笔记里写的是 lr = 0.3,"
    "但更新时除以了批量大小 10,所以每一步是 0.03 × 梯度;真的用 0.3 就会冲过头而发散。",
    "one_weight_intro.line5x": "y = 5x,500 个点(seed 002),每次 10 个样本的小批量并打乱:"
    "每个小批量的梯度几乎都指向全量梯度的方向。",
    "presets": "教程预设",
    "preset1.course": "课程笔记:w0 = 1,η = 0.01,100 轮",
    "preset1.tiny": "d2l 小例子,带噪声标签,η = 0.03",
    "preset1.tiny_literal": "d2l 小例子,照字面用 η = 0.3",
    "preset1.line5x": "y = 5x,每批 10 个样本",
    "dataset": "数据",
    "step1": "显示第几次更新",
    "step1_help": "切线画在哪里:经过这么多次更新之后的参数。",
    "one_weight_curve": "损失随 w 的变化、走过的步子和切线",
    "sample_loss": "单个样本的损失",
    "cost_all": "代价 L(w)(全部数据)",
    "tangent": "切线 · {name}",
    "regime1.batch": "批量梯度下降(每步用全部数据)",
    "regime1.sgd": "随机梯度下降(每步一个样本)",
    "regime1.mini": "每批 10 个样本",
    "predict_before": "x = 4 的预测(训练前)",
    "predict_after": "训练后,{name}",
    "one_weight_limit": "b 固定时,用全部数据的更新在 η 小于 {limit:.3g}(1 / mean(x²))时稳定;"
    "单个样本 x 需要 η 小于 1 / x²。",
    "scenario.upload": "你自己的 CSV 文件",
    "upload": "CSV 文件",
    "upload_help": "按列排列的数字,用逗号分隔,或用分号分隔并以逗号作小数点;UTF-8 或 Windows-1252 "
    "编码;有无表头均可。最大 {mb} MB,只使用前 {rows:,} 行。文件只保存在本次浏览器会话中。",
    "upload_wait": "请在侧边栏选择一个 CSV 文件,再选出 x 列和 y 列。上传的数据不包含在链接里:"
    "打开链接的人需要重新上传文件。",
    "x_col": "x 列",
    "y_col": "y 列",
    "csv.empty": "文件是空的。",
    "csv.binary": "这不是文本文件(看起来是二进制文件)。",
    "csv.one_column": "只找到一列:x 和 y 需要两列,用逗号、分号或制表符分隔。",
    "csv.header_only": "文件只有表头,没有数据。",
    "csv.single_row": "文件只有一行数字:拟合直线至少需要两个点。",
    "csv.duplicate": "有两列都叫“{name}”:请重命名其中一列。",
    "csv.ragged": "第 {line} 行有 {found} 个单元格,而表头有 {expected} 个。",
    "csv.non_numeric": "{rows} 行中有 {skipped} 行含有非数字的单元格(第一处在第 {line} 行):太多了,无法跳过。",
    "csv.nonfinite": "第 {line} 行“{column}”列是无穷大或缺失值(inf、nan 或过大)。",
    "csv.too_big": "文件大小为 {size:,} 字节;最多接受 {limit:,} 字节。",
    "csv.too_wide": "文件有 {columns} 列;最多接受 {limit} 列。",
    "csv.skipped": "跳过了 {count} 行含非数字单元格的行(第一处在第 {line} 行)。",
    "csv.truncated": "{total:,} 行中只使用前 {rows:,} 行。",
    "csv.same_column": "x 和 y 请选择不同的两列。",
    "csv.constant_x": "“{column}”列在训练数据中只有一个值:无法拟合斜率。",
    "lessons": "课程",
    "lesson": "课程",
    "lessons_title": "课程:只改一个旋钮,其余全都一样",
    "open_explorer": "在探索页中打开",
    "runs": "各次运行",
    "col.run": "运行",
    "col.lr": "η",
    "col.batch": "批量",
    "col.epochs": "轮数",
    "col.b": "b(原始单位)",
    "col.w": "w(原始单位)",
    "col.loss": "训练 MSE",
    "col.status": "结果",
    "ended.converged": "第 {k:,} 次更新时收敛",
    "ended.completed": "跑完全部 {updates:,} 次更新",
    "ended.diverged": "第 {k:,} 次更新时发散",
    "floor_of": "下限:{name}",
    "variant.standardised": "标准化",
    "variant.cost over all data": "全部数据的代价(cost)",
    "variant.loss of one sample": "单个样本的损失(loss)",
    "variant.80 · full batch": "80 · 全批量",
    "variant.16 · mini-batch": "16 · 小批量",
    "variant.1 · one sample": "1 · 单个样本",
    "lesson.learning_rate.title": "学习率:0.2、0.8 和 1.1(书中示例)",
    "lesson.learning_rate.text": "同一个起点、同样的全批量梯度下降,只换学习率。η = 0.2 时路径平稳地"
    "走到最小值;η = 0.8 刚好低于约 0.81 的稳定上限,每一步都冲过谷底,来回震荡着收敛。"
    "η = 1.1 时沿 b 方向每一步都比上一步冲得更远,几次更新之内损失就爆炸了。",
    "lesson.bad_feature.title": "尺度不好的特征:x × 10 与标准化(书中示例)",
    "lesson.bad_feature.text": "同样的数据,x 乘以 10;同样的学习率 0.03,同样训练 100 轮。不做缩放时,"
    "损失山谷的长度约为宽度的 112 倍:0.03 已经接近最大稳定学习率,路径很快横穿山谷,"
    "然后沿着谷底缓慢爬行。标准化之后等高线变成了圆,同样的预算就能笔直地走到最小值;"
    "换算回原始单位,两者逼近的是同一条直线。",
    "lesson.batch_size.title": "全批量、小批量与单个样本",
    "lesson.batch_size.text": "同样的起点、学习率 0.1、训练 20 轮,批量分别是全部 80 个点、16 个点"
    "和单个点。全批量沿着最陡的方向下降;批量越小,每轮更新次数越多,每一步也越嘈杂。"
    "单样本最快接近最小值,但永远停不下来,一直在最小值附近抖动。",
    "lesson.noise_floor.title": "为什么损失降不到 0(d2l 的小例子)",
    "lesson.noise_floor.text": "x = 0, 1, 2, 3,模型 y = w·x(b 固定为 0),从 w = 2 出发,每次更新用"
    "一个打乱后的样本,η = 0.03(笔记里写的是 lr = 0.3,但更新时除以了批量大小 10)。"
    "标签干净(y = x)时损失能降到 0;把最后一个标签改成 3.1,就没有任何一条 y = w·x "
    "能穿过所有点:损失停在虚线所示的下限,单样本更新还会在它上方不停抖动。",
    "lesson.cost_vs_sample.title": "全部数据的代价与单个样本的损失(课程笔记)",
    "lesson.cost_vs_sample.text": "x = 1, 2, 3,y = 2, 4, 6,模型 y = w·x,从 w = 1 出发,η = 0.01,"
    "训练 100 轮。代价函数(cost)每次更新都对全部三个点的梯度取平均;单样本的损失(loss)"
    "按顺序每个点更新一次,每轮更新三次,所以更快到达 w = 2。两种方式对 x = 4 的预测"
    "都从 4 变成约 8。",
}
TEXTS = {"en": EN, "zh": ZH}


def language() -> str:
    try:
        lang = st.session_state.get("lang", "en")
    except Exception:  # outside a Streamlit run (plain scripts, unit tests)
        lang = "en"
    return lang if lang in TEXTS else "en"


_MARKDOWN = set("\\`*_{}[]()#+-.!|<>~$:")


def plain(text: str) -> str:
    """User-supplied text made safe for Markdown: every character Markdown (or a URL scheme)
    could act on is escaped, so it shows as typed and never becomes a link, image or markup."""
    return "".join("\\" + ch if ch in _MARKDOWN else ch for ch in text)


def label(text: str) -> str:
    """A run's label in the session's language (labels that are plain numbers stay as they are)."""
    return TEXTS[language()].get("variant." + text, text)


def t(key: str, /, **values) -> str:
    """The text for ``key`` in the session's language, formatted with ``values``."""
    text = TEXTS[language()][key]
    return text.format(**values) if values else text
