"""Every word the pages show, in English. ``zh.py`` has the same keys and placeholders."""

EN = {
    "app_title": "Loss-surface lab",
    # pages
    "explorer": "Explorer",
    "explorer_title": "Gradient descent on the exact loss surface",
    "explorer_intro": (
        "**What you see.** The contour map (left) and the 3D surface are the loss over two "
        "parameters; the orange path is the run, the black arrow points straight downhill (−∇L) "
        "and the orange one is the step the next update really takes. The maths panel writes that "
        "update out with its numbers; below, the loss against epoch, the cross-sections through "
        "the current point (the tangent's slope is the gradient) and what the parameters mean.\n\n"
        "**Try this.** Press ▶ and watch the first steps. Click anywhere on the map to start "
        "there. Drag the learning rate past the stable limit and see the path overshoot, then "
        "blow up. Set the batch size to 1: every step follows one example's own gradient. Pick "
        "Rosenbrock and compare gradient descent with momentum."
    ),
    "one_weight": "One weight",
    "params_page": "Several parameters",
    "compare_page": "Compare",
    "lessons": "Lessons",
    # header, reset, share
    "what_you_see": "What you see · try this",
    "reset": "Reset",
    "reset_help": "Every setting back to its default (the language and projector mode stay).",
    "share": "Share",
    "share_help": "This link opens exactly this view: the same data, settings, path and position.",
    "share_hide": "Hide in the link",
    "share_hide_help": "A focused link for a class: what you pick here is not shown to whoever opens it (hidden controls keep their values from the link).",
    "share_focused": "The focused link:",
    "hide.scenario": "problem",
    "hide.lr": "learning rate",
    "hide.batch": "batch size",
    "hide.grad_noise": "gradient noise",
    "hide.opt": "optimizer",
    "hide.beta": "β",
    "hide.beta2": "β₂",
    "hide.sched": "schedule",
    "hide.epochs": "epochs",
    "hide.updates": "updates",
    "hide.scaling": "feature scaling",
    "hide.fit": "model",
    "hide.start": "start point",
    "hide.seed": "seed",
    "hide.shuffle": "shuffle",
    "hide.train_b": "train b",
    "hide.log": "loss axis",
    "hide.lang": "language",
    "hide.projector": "projector mode",
    "hide.intro": "“what you see”",
    "hide.contour": "contour map",
    "hide.surface": "3D surface",
    "hide.maths": "maths panel",
    "hide.curve": "loss chart",
    "hide.data": "data chart",
    "hide.cross": "cross-sections",
    "hide.numbers": "numbers under the charts",
    "more_settings": "More settings",
    # the problem
    "problem": "Problem",
    "problem_help": "What gradient descent minimises: the mean squared error of a model on a data "
    "set, or a test function of two parameters where optimizers really differ.",
    "scenario.book": "Data · the book, chapter 0 (y = 1 + 2x + noise)",
    "scenario.book_x10": "Data · the book's bad feature x × 10",
    "scenario.line5x": "Data · y = 5x, 500 points, no noise",
    "scenario.course": "Data · course notes: x = 1, 2, 3 and y = 2, 4, 6",
    "scenario.tiny_clean": "Data · tiny: x = 0, 1, 2, 3 and y = x",
    "scenario.tiny_noisy": "Data · tiny with one noisy label y = 3.1",
    "scenario.synthetic": "Data · synthetic: your line, noise and x range",
    "scenario.tanh": "Data · y = 2 tanh(1.5x) + noise (for the neuron)",
    "scenario.upload": "Data · your own CSV file",
    "scenario.rosenbrock": "Function · Rosenbrock: a long curved ravine",
    "scenario.himmelblau": "Function · Himmelblau: four minima",
    "scenario.beale": "Function · Beale: plateaus and steep walls",
    "scenario.camel": "Function · six-hump camel: six local minima",
    "scenario.saddle": "Function · a saddle between two minima",
    "fit": "Model",
    "fit.line": "straight line y = b + w·x",
    "fit.neuron": "one tanh neuron y = w2·tanh(w1·x)",
    "fit_help": "The line's loss is a bowl (a quadratic form, one minimum). The neuron's is not: "
    "two mirror-image minima, a saddle point at the origin and flat plateaus.",
    "synthetic_data": "Synthetic data",
    "n": "Number of points N",
    "noise": "Label noise (standard deviation)",
    "true_w": "True slope w",
    "true_b": "True intercept b",
    "x_min": "x from",
    "x_max": "x to",
    "val": "Validation share",
    "error_data": "This cannot be used: {reason}.",
    "empty_range": "the x range is empty, so x in [0, 1] is used",
    # the strip
    "lr": "Learning rate η",
    "lr_help": "How far each step goes along the gradient. Full-batch gradient descent on a bowl "
    "is stable below 2 / λ_max(Hessian), shown under the charts.",
    "batch": "Batch size",
    "batch_help": "Examples per update: 1 is stochastic gradient descent (one sample), the whole "
    "training split is batch gradient descent, anything between is a mini-batch.",
    "regime.one": "one sample",
    "regime.mini": "mini-batch",
    "regime.full": "full batch",
    "grad_noise": "Gradient noise σ",
    "grad_noise_help": "A function has no examples, so no mini-batches: instead each update's "
    "gradient gets Gaussian noise of this size, drawn from the seed.",
    "opt": "Optimizer",
    "opt.gd": "gradient descent",
    "opt.momentum": "momentum",
    "opt.nesterov": "Nesterov",
    "opt.adagrad": "AdaGrad",
    "opt.rmsprop": "RMSProp",
    "opt.adam": "Adam",
    "opt_help": "Gradient descent steps −η·∇L. Momentum and Nesterov keep a velocity; AdaGrad, "
    "RMSProp and Adam divide each step by a running size of the gradient.",
    # the sidebar
    "epochs": "Epochs",
    "epochs_help": "Passes over the training examples.",
    "epochs_capped": "Only the first {epochs:,} epochs run: a run is capped at {cap:,} updates.",
    "updates": "Updates",
    "updates_help": "How many steps the run takes.",
    "scaling": "Feature scaling",
    "scaling.none": "none",
    "scaling.standard": "standardise",
    "scaling_help": "Standardise x with the mean and (population) standard deviation of the "
    "training split: the optimizer then works on z = (x − mean) / std, the parameters are b′ "
    "and w′, and the result is also given in original units.",
    "start": "Start",
    "start.book": "drawn from the seed (like the book)",
    "start.own": "the function's own",
    "start.manual": "set by hand (or click the map)",
    "start_help": "Clicking the contour map or the surface sets the start there.",
    "start_of": "Start {name}",
    "seed": "Seed",
    "seed_help": "Draws the start (like the book: np.random.seed(seed), b = randn, w = randn), "
    "the shuffle order, synthetic data and gradient noise.",
    "shuffle": "Reshuffle every epoch",
    "train_b": "Train the intercept b",
    "train_b_help": "Off: b stays at its start and only w learns: the model y = w·x (plus a fixed "
    "b) of the course notes and the tiny example.",
    "beta": "β (momentum, RMSProp's ρ, Adam's β1)",
    "beta2": "Adam's β2",
    "export_title": "Take this run away",
    "export_csv": "Run as CSV",
    "export_csv_help": "Every update (one row per epoch beyond 100,000 updates): update, epoch, "
    "the parameters, the training loss, the validation loss at each epoch's end, the next "
    "update's mini-batch loss and η. All digits.",
    "export_script": "Python script",
    "export_script_help": "A script with NumPy only that rebuilds this data set and reproduces "
    "this run update by update, printing like the tutorials (its numbers match the lab's).",
    "export_script_none": "A test function has no data set: the script is for runs on data.",
    "export_images": "Images: each chart's 📷 button (top right, when the pointer is over it) "
    "saves a PNG at projector size (1920 × 1080); the SVG button beside it saves the chart as "
    "SVG.",
    "save_svg": "Save as SVG (projector size)",
    "save_png": "Save as PNG (projector size, 1920 × 1080)",
    "sched": "Learning-rate schedule",
    "sched_help": "How η changes during the run: once per epoch (per update on a test function), "
    "as PyTorch's schedulers do when stepped every epoch. The maths panel writes each update "
    "with its own η; the loss chart draws η under the loss.",
    "sched.constant": "constant",
    "sched.step": "step decay",
    "sched.exp": "exponential",
    "sched.cosine": "cosine",
    "sched_every": "Drop every (epochs)",
    "sched_drop": "× at each drop",
    "sched_gamma": "× per epoch (γ)",
    "sched_gamma_help": "η of epoch e is η·γᵉ",
    "sched_warmup": "Linear warm-up (epochs)",
    "sched_warmup_help": "η climbs from η/W to η over the first W epochs, then the schedule "
    "starts (0: no warm-up)",
    "lr_axis": "η",
    "lr_per_update": "η per update",
    "log": "Loss axis",
    "log.None": "auto",
    "log.False": "linear",
    "log.True": "log",
    "log_help": "Auto: a log axis where the loss spans more than two decades (a linear one "
    "presses the curve flat against zero), else linear.",
    "language": "Language / 语言",
    "projector": "Projector mode",
    "projector_help": "Big chart text, thick lines, high-contrast colours; every view, the "
    "timeline and the maths panel on one 1280 × 720 screen.",
    # charts
    "surface_title": "The loss surface",
    "contour_title": "Contour map: the path, −∇L and the step",
    "curve_title": "Loss against epoch",
    "curve_title_updates": "Loss against update",
    "data_title": "The data and the model",
    "limit_title": "Step size and the stable step",
    "limit_axis": "step size",
    "limit_line": "2 / λ_max(H) here",
    "lr_line": "η = {lr:g}",
    "cross_title": "Cross-sections through the current point",
    "surface_title.short": "Loss surface",
    "contour_title.short": "Contour map",
    "curve_title.short": "Loss",
    "curve_title_updates.short": "Loss",
    "data_title.short": "Data",
    "limit_title.short": "Step size",
    "cross_title.short": "Cross-sections",
    "whole_title.short": "Whole path",
    "along": "L({a}), {b} held",
    "cross_full": "all training data",
    "cross_fn": "the function f",
    "cross_batch": "this mini-batch",
    "cross_tangent": "tangent: slope = ∂L",
    "whole_title": "The whole path, zoomed out",
    "loss_short": "MSE",
    "f_short": "f",
    "loss_log": "{loss} (log scale above the minimum)",
    "path": "path",
    "start_pt": "start",
    "minimum": "minimum",
    "saddle": "saddle point",
    "now": "now",
    "epoch": "epoch",
    "update_axis": "update",
    "train": "train",
    "val_set": "validation",
    "batch_loss": "mini-batch loss",
    "floor": "lowest possible",
    "fit_now": "model now",
    "start_line": "at the start",
    "best_line": "at the minimum",
    "click_to_start": "click: start here",
    "reset_view": "Reset view",
    "turn": "Turn",
    "turn_done": "Done",
    "loading_chart": "Drawing the chart…",
    # status, in plain words
    "status.converged": "✅ Reaches the minimum: from update {k:,} on the loss no longer falls. "
    "Result: {end}.",
    "status.converged_at": "✅ Reaches the minimum at ({point}) after {k:,} updates.",
    "status.stalled": "⏸ Stuck at the saddle point ({point}) from update {k:,}: the gradient is "
    "zero there, but it is not a minimum.",
    "status.completed": "⏳ Still on its way after {updates:,} updates (now {end}): more epochs or "
    "a larger η would get closer.",
    "status.diverged": "💥 Blows up at update {k:,}: the loss grew a millionfold, so the run "
    "stops there. {why}",
    "short.converged": "✅ Minimum reached at update {k:,}: {end}.",
    "short.converged_at": "✅ Minimum ({point}) at update {k:,}.",
    "short.stalled": "⏸ Stuck at the saddle ({point}) from update {k:,}.",
    "short.completed": "⏳ Not there yet after {updates:,} updates: {end}.",
    "short.diverged": "💥 Blows up at update {k:,}. {why}",
    "why_global": "η = {lr:g} is above the stable limit {limit:.3g} of full-batch descent here.",
    "why_local": "η = {lr:g} is above the local stable step {limit:.3g} at the start.",
    "use_rate": "Use η = {lr:g}",
    "use_rate_help": "The largest learning rate on the slider below the stable limit.",
    "use_scaling": "Standardise x",
    "use_scaling_help": "The loss surface is a narrow valley (condition number {condition:.2g}): "
    "no learning rate is fast along it and stable across it. Standardising the feature makes the "
    "valley round, and then the default η is safe.",
    "left_window": "The path leaves the plotted area at update {k:,}; the charts keep their axes "
    "so runs stay comparable, and the zoomed-out view at the bottom shows all of it.",
    "short.left_window": "The path leaves the plot at update {k:,} (see the zoomed-out view).",
    "original_units": "in original units b = {b:.4f}, w = {w:.4f}",
    "step_beyond": "The link's step={step:,} is past the end of this run ({updates:,} updates): "
    "showing the end.",
    # numbers under the charts
    "value_at": "{name} at update {k}",
    "loss_at": "Train loss at update {k}",
    "value_end": "{name} at the end",
    "loss_end": "Train loss at the end",
    "val_loss": "Validation MSE at the end",
    "stable_lr": "Stable learning rate below",
    "stable_lr_help": "Full-batch gradient descent on this bowl diverges for η > 2 / λ_max(H).",
    "local_lr": "Local stable step at the start",
    "local_lr_help": "No single limit exists on this surface: 2 / λ_max(H) where the run starts "
    "(it changes along the path; the maths panel gives it at every position).",
    "condition": "Condition number",
    "condition_help": "λ_max / λ_min of the Hessian: 1 means round contours; large means a long "
    "narrow valley where one learning rate cannot suit both directions.",
    "optimum": "Minimum (least squares): {point}, lowest train loss {loss:.6g}.",
    "optimum_scaled": "Minimum (least squares): {point}, lowest train loss {loss:.6g}; in the "
    "original units b = {b:.4f}, w = {w:.4f}.",
    "error_run": "This run could not be computed: {reason}.",
}

# the timeline and the maths panel (timeline.js fills {k} and friends)
EN |= {
    "tl.label": "update {k} of {K} · epoch {epoch}",
    "tl.label_short": "{k} / {K} · epoch {epoch}",
    "tl.label_updates": "update {c} of {K}",
    "tl.label_epochs": "epoch {c} of {E}",
    "tl.play": "Play (space)",
    "tl.pause": "Pause (space)",
    "tl.back": "One step back (← or Page Up)",
    "tl.forward": "One step forward (→ or Page Down)",
    "tl.to_start": "To the start (Home)",
    "tl.to_end": "To the end (End)",
    "tl.speed": "Speed: at 1× every tenfold of updates takes 3 s (the first 10, the next 90, …)",
    "tl.unit": "Step and scrub by update or by epoch",
    "tl.unit_update": "by update",
    "tl.unit_epoch": "by epoch",
    "tl.scrub": "Position in the run",
    "tl.neg_grad": "−∇L",
    "tl.position": "After {k} of {K} updates",
    "tl.epoch_of": " (epoch {epoch})",
    "tl.loss_here": ", loss {loss}",
    "tl.end": "The end of the run: there is no update {k}.",
    "tl.end_diverged": "Update {k} would have made the loss explode, so the run stopped here.",
    "tl.next_update": "Next: update {k}",
    "tl.batch_all": "the batch is all {m} training examples",
    "tl.batch_some": "a mini-batch of {m} of {n} examples (ringed on the data plot)",
    "tl.batch_some_unringed": "a mini-batch of {m} of {n} examples",
    "tl.noise": "gradient noise σ = {sigma}",
    "tl.outside": "Outside the plotted area since update {k}: the charts mark nothing here.",
    "tl.gradient": "The gradient here",
    "tl.gradient_batch": "The gradient of this mini-batch's loss here",
    "tl.held": "{name} is held, not trained",
    "tl.colon": ": ",
    "tl.list_sep": ", ",
    "tl.update": "Update with η = {lr}",
    "tl.scheduled": "η of this update, from the schedule (base η = {base})",
    "tl.loss_all": "Loss over all training data: {before} → {after}",
    "tl.loss_fn": "The function's value f: {before} → {after}",
    "tl.loss_batch": "Loss of this mini-batch: {before} → {after}",
    "tl.limit_global": "Stable below η = 2 / λ_max = {limit} (this run: {lr})",
    "tl.limit_local": "Local stable step here: 2 / λ_max(H) = {limit} (this run: η = {lr})",
    "tl.rule_momentum": "momentum: v ← β·v + ∇L, Δθ = −η·v (β = {beta})",
    "tl.rule_nesterov": "Nesterov: v ← β·v + ∇L, Δθ = −η·(∇L + β·v) (β = {beta})",
    "tl.rule_adagrad": "AdaGrad: s ← s + ∇L², Δθ = −η·∇L / √s",
    "tl.rule_rmsprop": "RMSProp: s ← ρ·s + (1 − ρ)·∇L², Δθ = −η·∇L / √s (ρ = {beta})",
    "tl.rule_adam": "Adam: m ← β1·m + (1 − β1)·∇L, v ← β2·v + (1 − β2)·∇L², "
    "Δθ = −η·m̂ / √v̂ (β1 = {beta}, β2 = {beta2})",
    # gradients written out, per surface (the maths panel fills in the numbers)
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
EN |= {
    "link_notice": "Part of the link was not used as written:",
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
}

# your own data
EN |= {
    "upload": "CSV file",
    "upload_help": "A table in columns, separated by commas, semicolons or tabs, with decimal "
    "points or decimal commas; UTF-8, UTF-16 or Windows-1252; with or without a header row. Text "
    "columns (names, dates, ids) are left aside; the columns of numbers are offered for x and y. "
    "At most {mb} MB; the first {rows:,} rows are used. The file stays in this browser session "
    "only.",
    "upload_wait": "Choose a CSV file, then pick its x and y columns. Uploaded data "
    "is not part of a link: whoever opens the link uploads the file again.",
    "x_col": "x column",
    "y_col": "y column",
    "csv.empty": "The file is empty.",
    "csv.no_values": "The file holds separators and quotes only, no values.",
    "csv.binary": "This is not a text file (it looks binary).",
    "csv.malformed": "The file cannot be read as a table: {reason}.",
    "csv.one_column": "Only one column was found: x and y need two, separated by commas, "
    "semicolons or tabs.",
    "csv.header_only": "The file has a header row but no data.",
    "csv.single_row": "Fewer than two rows hold numbers in both chosen columns: a line needs at "
    "least two points.",
    "csv.duplicate": "Two columns are both called “{name}”: rename one.",
    "csv.ragged": "Line {line} has {found} cells where the first row has {expected}.",
    "csv.non_numeric": "Column “{column}”: {skipped} of its {rows} filled cells are not numbers "
    "(the first on line {line}): too many to leave out. Pick another column.",
    "csv.nonfinite": "Line {line}, column “{column}” holds an infinite value (inf, or a number "
    "too large for a float).",
    "csv.too_large": "Line {line}, column “{column}” holds a value beyond ±{limit}: its squares "
    "would overflow. Rescale the column (for example to thousands) and upload it again.",
    "csv.too_big": "The file is {size:,} bytes; at most {limit:,} are accepted.",
    "csv.too_wide": "The file has {columns} columns; at most {limit} are accepted.",
    "csv.text_columns": "Left aside as text (not offered for x or y): {names}.",
    "csv.few_numeric": "Fewer than two columns of this file hold numbers ({count}): x and y "
    "need two.",
    "csv.missing": "Left out for an empty x or y cell (or NA): {count:,} row(s), the first on "
    "line {line}.",
    "csv.skipped": "Left out because x or y is not a number: {count:,} row(s), the first on line "
    "{line}.",
    "csv.cleaned.currency": "Column “{column}”: currency signs were removed from its numbers.",
    "csv.cleaned.percent": "Column “{column}”: % signs were removed (50% is read as 50).",
    "csv.cleaned.grouping": "Column “{column}”: thousands separators were removed "
    "({example} is read as 1234).",
    "csv.separator": "Columns separated by",
    "csv.separator_help": "More than one separator splits this file into the same columns: the "
    "one that reads more cells as numbers was taken. Pick the other if the columns look wrong.",
    "sep.comma": "commas",
    "sep.semicolon": "semicolons",
    "sep.tab": "tabs",
    "csv.decimal": "Numbers like 1.000 mean",
    "csv.decimal_help": "Both number formats read every cell of this file, to different values: "
    "with a decimal point 1.000 is one, with a decimal comma (and points between thousands) it is "
    "a thousand. The usual format for the separator was taken; pick the other if it is wrong.",
    "dec.point": "decimal point (1.000 = 1)",
    "dec.comma": "decimal comma (1.000 = 1000)",
    "csv.truncated": "Only the first {rows:,} of {total:,} rows are used.",
    "csv.same_column": "Pick two different columns for x and y.",
    "csv.constant_x": "Column “{column}” has one value only in the training rows: no "
    "slope can be fitted.",
}

# compare and lessons
EN |= {
    "compare_title": "Compare runs: the same start, one setting changed",
    "compare_intro": "**What you see.** Several runs from the same start and the same batch order; "
    "only one setting differs. Press ▶ to race them: every run moves along the shared clock of "
    "the loss chart (updates, epochs or examples seen, as chosen), so the faster one is ahead.\n\n"
    "**Try this.** Compare optimizers on Rosenbrock (the “Race” button): gradient descent crawls "
    "along the ravine, momentum and Adam get through. Compare batch sizes counting examples seen: "
    "one sample per update gets close soonest.",
    "compare": "Compare",
    "compare.lr": "learning rates",
    "compare.batch": "batch sizes",
    "compare.scaling": "raw against standardised",
    "compare.optimizer": "optimizers",
    "compare.schedule": "schedules",
    "compare_what.lr": "Learning rates around this problem's stable limit η ≈ {limit:.3g}: too small, "
    "good, just below the limit and just above it. Every run starts at the same point.",
    "compare_what.batch": "The same start, learning rate and shuffle order; only the batch size "
    "differs. Count updates, epochs or examples seen on the loss chart to compare them fairly.",
    "compare_what.scaling": "The same data with the raw and the standardised feature, each on its "
    "own surface. The table gives both results in original units: the same line, reached at "
    "different speeds.",
    "compare_what.optimizer": "The same start, learning rate and batches for every optimizer.",
    "compare_what.schedule": "The same start, base learning rate, optimizer and batches; only how "
    "η changes over the run differs (constant against cosine: a schedule can start with a rate "
    "that would keep bouncing and end settled).",
    "rates": "Learning rates",
    "batches": "Batch sizes",
    "opts": "Optimizers",
    "scheds": "Learning-rate schedules",
    "xaxis": "Loss chart and race count",
    "xaxis.updates": "updates",
    "xaxis.epochs": "epochs",
    "xaxis.examples": "examples seen",
    "curve_title_x": "Loss against {axis}",
    "curve_title_x.short": "Loss",
    "epoch_points": "Draw one point per epoch",
    "small_multiples": "One contour per learning rate (shared colour scale)",
    "book_three_paths": "The book's figure",
    "race": "Race on Rosenbrock",
    "need_two": "Pick at least one run.",
    "runs": "Runs",
    "col.run": "run",
    "col.lr": "η",
    "col.batch": "batch",
    "col.updates": "updates",
    "col.param": "{name} at the end",
    "col.loss": "train loss",
    "col.status": "how it ended",
    "ended.converged": "reached the minimum at update {k:,}",
    "ended.stalled": "stuck at a saddle from update {k:,}",
    "ended.completed": "still on its way after {updates:,} updates",
    "ended.diverged": "blew up at update {k:,}",
    "floor_of": "lowest possible: {name}",
    "open_explorer": "open in the explorer",
    "variant.standardised": "standardised",
    "variant.constant η": "constant η",
    "variant.step decay": "step decay (× 0.5 every 10 epochs)",
    "variant.cosine": "cosine",
    "variant.cost over all data": "cost over all data",
    "variant.loss of one sample": "loss of one sample",
    "variant.80 · full batch": "80 · full batch",
    "variant.16 · mini-batch": "16 · mini-batch",
    "variant.1 · one sample": "1 · one sample",
    "variant.gradient descent, η = 0.001": "gradient descent, η = 0.001",
    "variant.momentum, η = 0.001": "momentum, η = 0.001",
    "variant.Adam, η = 0.05": "Adam, η = 0.05",
    "variant.start (0, 1.8), noise σ = 0.05": "start (0, 1.8), gradient noise σ = 0.05",
    "variant.SGD from (0, 0)": "one sample per update, from (0, 0)",
    "variant.SGD from (0.01, 0.01)": "one sample per update, from (0.01, 0.01)",
    "lessons_title": "Lessons: one setting changed, everything else the same",
    "lessons_intro": "**What you see.** A ready-made comparison: the same data and start, one setting "
    "changed, raced on one timeline. Each run opens in the explorer with its button below the table."
    "\n\n**Try this.** Press ▶ and watch where the runs part ways; then open one in the explorer "
    "and step through its updates.",
    "lesson": "Lesson",
    "lesson.learning_rate.title": "Learning rate: 0.2, 0.8 and 1.1 (the book)",
    "lesson.learning_rate.text": "The same start and the same full-batch descent with three learning "
    "rates. At η = 0.2 the path walks smoothly down to the minimum; at 0.8, just under the stable "
    "limit 0.806, every step overshoots across the valley and it zigzags in. At 1.1 each step "
    "overshoots further than the last along b, and the loss explodes within a few updates.",
    "lesson.bad_feature.title": "A badly scaled feature: x × 10 against standardised (the book)",
    "lesson.bad_feature.text": "The same data with x multiplied by 10, the same learning rate 0.03, "
    "100 epochs and the same starting line. Raw, the valley is about 112 times longer than it is "
    "wide: 0.03 is already near the largest stable rate, so the path crosses the valley fast and "
    "then crawls along it. Standardised, the contours are circles and the same budget walks "
    "straight to the minimum; in original units both aim at the same line.",
    "lesson.batch_size.title": "Full batch, mini-batch, one sample",
    "lesson.batch_size.text": "The same start, learning rate 0.1 and 20 epochs, with batches of all "
    "80 points, of 16 and of a single point. Full batch follows the steepest way down; smaller "
    "batches take more and noisier steps per epoch. One sample gets close fastest but never "
    "settles: it keeps jittering around the minimum.",
    "lesson.schedule.title": "A learning-rate schedule: bold steps first, then settle",
    "lesson.schedule.text": "One sample per update at η = 0.2 for 50 epochs, from the same start "
    "in the same order. With η constant the path gets close fast but keeps jittering: in the "
    "last epoch its loss is still up to about 10⁻² above the minimum. Halving η every 10 epochs "
    "quiets it step by step; cosine annealing lowers η smoothly to almost 0 and ends on the "
    "minimum (about 10⁻⁷ above it). The strip under the loss shows each run's η.",
    "lesson.noise_floor.title": "Why the loss does not reach zero (d2l's tiny example)",
    "lesson.noise_floor.text": "x = 0, 1, 2, 3, the model y = w·x (b held at 0), start w = 2, one "
    "shuffled sample per update at η = 0.03 (the notes write lr = 0.3 but divide the step by a "
    "batch size of 10). With clean labels y = x the loss reaches zero. Make the last label 3.1 "
    "and no line y = w·x passes through every point: the loss stops at the dotted floor, and "
    "one-sample updates keep jittering above it.",
    "lesson.cost_vs_sample.title": "Cost over all data against the loss of one sample (course notes)",
    "lesson.cost_vs_sample.text": "x = 1, 2, 3 and y = 2, 4, 6, the model y = w·x, start w = 1, "
    "η = 0.01, 100 epochs. The cost averages the gradient over all three points for each update; "
    "the one-sample loss updates after every point, in order, so it makes three updates per epoch "
    "and reaches w = 2 sooner. Either way the prediction for x = 4 goes from 4 to about 8.",
    "lesson.ravine.title": "A ravine: gradient descent crawls, momentum and Adam get through",
    "lesson.ravine.text": "Rosenbrock's function from (−1.5, 2.5), 3000 updates. Across the "
    "curved ravine the surface is steep, so gradient descent needs a small step (η = 0.001) and "
    "then creeps along the nearly flat floor: after 3000 updates it is still short of the minimum "
    "(1, 1). Momentum, with the same η, builds up speed along the floor and arrives; Adam, which "
    "scales each coordinate's step by its gradient's running size, arrives too.",
    "lesson.starts.title": "Where you start decides: four starts, four minima",
    "lesson.starts.text": "Himmelblau's function has four minima of the same height. Plain "
    "gradient descent with the same step from four starting points ends in four different minima: "
    "on a non-convex surface the start decides the answer.",
    "lesson.saddle.title": "A saddle point: stuck exactly on it, freed near it",
    "lesson.saddle.text": "f = x⁴/4 − x²/2 + y²/2 has a saddle at the origin between minima at "
    "(±1, 0). Started exactly on the line x = 0, the gradient has no x part at all: gradient "
    "descent slides into the saddle and stays. Started 0.01 to the side, it leaves the saddle, "
    "slowly at first, and reaches a minimum. Gradient noise of σ = 0.05 frees the run that was "
    "stuck.",
    "lesson.neuron_saddle.title": "A neuron's saddle: mini-batch noise does not help on it",
    "lesson.neuron_saddle.text": "One tanh neuron y = w2·tanh(w1·x) on data y ≈ 2 tanh(1.5x). "
    "At (0, 0) the prediction is 0 for every example and every example's own gradient is zero "
    "too, so even one-sample updates cannot move: the run stays at the saddle. Started at "
    "(0.01, 0.01), the same updates leave it and reach the minimum near (1.5, 2).",
}

# one weight, several parameters
EN |= {
    "one_weight_title": "One weight: the loss as a curve L(w)",
    "one_weight_what": "**What you see.** The model y = w·x has one parameter, so its loss is a curve "
    "L(w). Black is the cost over all the data; the dotted curves are each sample's own loss. The "
    "timeline walks the run you follow along it: the green tangent's slope is the gradient the "
    "next update uses (for one sample, the slope of that sample's dashed curve), the arrow its "
    "step.\n\n**Try this.** Follow one sample per update and step through an epoch: each step "
    "follows a different sample's curve. Try the literal η = 0.3 preset.",
    "one_weight_intro.course": "The course notes (seed 000): x = 1, 2, 3, y = 2, 4, 6 and the model "
    "y = w·x, from w = 1 with η = 0.01. The cost averages the gradient over all the data for each "
    "update; the one-sample loss updates after every point, in order.",
    "one_weight_intro.tiny_clean": "d2l's tiny example with clean labels y = x: the cost reaches "
    "zero at w = 1, where every sample's own loss is zero too.",
    "one_weight_intro.tiny_noisy": "d2l's tiny example with one noisy label (3.1): the samples "
    "disagree about the best w, so the cost cannot reach zero, and one-sample steps keep pulling w "
    "back and forth around the bottom. The notes write lr = 0.3 but divide by a batch size of 10, "
    "so each step is 0.03 × gradient; a literal 0.3 overshoots and diverges.",
    "one_weight_intro.line5x": "y = 5x on 500 points (seed 002), mini-batches of 10, shuffled: each "
    "mini-batch's gradient points almost where the full one does.",
    "presets": "Tutorial presets",
    "preset1.course": "Course notes: w0 = 1, η = 0.01, 100 epochs",
    "preset1.tiny": "d2l tiny, noisy label, η = 0.03",
    "preset1.tiny_literal": "d2l tiny, literal η = 0.3",
    "preset1.line5x": "y = 5x, mini-batches of 10",
    "follow": "Follow",
    "one_weight_curve": "Loss against w",
    "sample_loss": "loss of one sample",
    "cost_all": "cost L(w), all data",
    "regime1.batch": "all data per update",
    "regime1.sgd": "one sample per update",
    "regime1.mini": "mini-batches of 10",
    "predict_before": "Prediction for x = 4, before",
    "predict_after": "after, {name}",
    "one_weight_limit": "With b held, updates over all the data are stable for η below {limit:.3g} "
    "(1 / mean(x²)); one sample x needs η below 1 / x².",
    "params_title": "Several parameters: a 2D slice of the exact loss",
    "params_what": "**What you see.** Three parameters do not fit on one picture: the contour is a "
    "slice through two of them, the others held (at the position shown, or at the minimum). The "
    "timeline plays the run; the maths panel writes every parameter's update.\n\n**Try this.** "
    "Slice the polynomial through w1 and w2: a long narrow valley (condition number about 515), "
    "where the path crawls.",
    "model.d2l": "d2l 3.2: y = X·[2, −3.4] + 4.2",
    "model.poly": "seed 003: y = w1·x² + w2·x + w3",
    "model_intro.d2l": "1000 examples, X ~ N(0, 1), noise 0.01, mini-batches of 10, shuffled, 300 "
    "epochs from w ~ N(0, 0.01²), b = 0. The notes' lr = {tutorial_lr:g} is on the loss "
    "(ŷ − y)²/2 and divides by the batch size, which is η = {lr:g} on the MSE used here.",
    "model_intro.poly": "x = 0.00 … 0.99, y = 4x² + 5x + 6, start (1, 0, 1), η = {lr:g}, one sample "
    "at a time in order, up to 1000 epochs, stopping once an epoch's mean loss is below 1e-5. The "
    "features x² and x are strongly correlated, so the valley is long and narrow.",
    "early_stop": "Stop early (epoch loss < 1e-5)",
    "early_stop_help": "As the tutorial does: after each epoch, stop once the mean per-sample loss "
    "(each taken before its update) is below 1e-5.",
    "axes": "Slice through",
    "hold": "Others held at",
    "hold.current": "the position shown",
    "hold.optimum": "the minimum",
    "held.current": "The slice holds {held} where the run is after update {step:,} (stop the "
    "timeline elsewhere and it follows); the path shows the two sliced parameters, its other "
    "coordinates may lie off this slice.",
    "held.optimum": "The slice holds {held} at the minimum; the path shows the two sliced "
    "parameters, its other coordinates may lie off this slice.",
    "held.none": "Every parameter is on the axes: this is the whole loss.",
    "pick_two": "Pick two parameters for the axes.",
    "slice_min": "minimum of the slice",
    "slice_title": "Loss over ({a}, {b}), the others held",
    "col.parameter": "parameter",
    "col.true": "true",
    "col.estimate": "estimated",
    "col.error": "error (true − estimated)",
    "col.optimum": "least squares",
    "half_loss": "Loss as the notes print it",
    "half_loss_help": "d2l prints the mean of (ŷ − y)²/2, half the MSE.",
    "epoch_loss": "Last epoch's loss as the tutorial prints it",
    "epoch_loss_help": "The mean of each sample's loss, each taken before its own update.",
    "stopped_early": "Stopped early after epoch {epoch:,}: the epoch's mean loss fell below 1e-5.",
    # --- the network page (issue 16) ------------------------------------------------------------
    "network_page": "A small network",
    "net.title": "The landscape of a small neural network",
    "net.intro": "A network with one input, one or two hidden layers of up to 32 tanh or ReLU "
    "units and one output is fitted to the data by the lab's optimizers (its gradient by "
    "backpropagation, written out layer by layer). Its loss is a surface over all its weights "
    "and biases, P of them: far too many dimensions to draw. So the page draws slices, as research "
    "tools do (Li et al. 2018; Goodfellow et al. 2015):\n\n"
    "- **a random plane** through the final weights, spanned by two random directions, each "
    "rescaled unit by unit to the size of that unit's own incoming weights (filter "
    "normalisation; the biases stay put). ↻ draws two new directions;\n"
    "- **the plane of the path's first two principal components**, with the path projected on "
    "it, and how much of the path's variance those two explain;\n"
    "- **the straight line** from the start to the end of training (t = 0 to 1);\n"
    "- the loss against epoch and the network's curve over the data, at the epoch chosen above.\n\n"
    "Try the presets: a small batch against the full batch (are the minima they find wider or "
    "sharper?), and ReLU against tanh. x is standardised on the training split.",
    "net.data": "Data",
    "net.layers": "Hidden layers",
    "net.units": "Units per layer",
    "net.units_help": "Hidden units in each hidden layer (1 to 32).",
    "net.act": "Activation",
    "net.preset.wide_sharp": "Wide vs sharp minimum",
    "net.preset.relu_tanh": "ReLU vs tanh",
    "net.preset_help.wide_sharp": "A small batch (4) against the full batch, plain gradient "
    "descent with η = 0.1: both slices side by side on one colour scale.",
    "net.preset_help.relu_tanh": "The same network with tanh and with ReLU units (Adam, "
    "η = 0.01, batches of 16): both slices side by side.",
    "net.seed": "Seed (initial weights, batch order)",
    "net.seed_help": "The initial weights are drawn as torch.nn.Linear draws them (uniform on "
    "±1/√fan_in) from this seed; the batches are shuffled from it too.",
    "net.dirs": "Seed of the random directions",
    "net.dirs_help": "The two directions of the random plane are drawn from this seed.",
    "net.redraw": "↻ New directions",
    "net.pair": "Compare two runs",
    "net.pair.none": "no",
    "net.pair.batch": "small batch vs full batch",
    "net.pair.act": "tanh vs ReLU",
    "net.pair_help": "Train a second network that differs in one thing and show both random "
    "slices side by side, each through its own final weights.",
    "net.batch_of": "batch {b}",
    "net.full_batch": "full batch ({n})",
    "net.at": "Epoch shown",
    "net.at_help": "The loss curve, the fitted curve and the point on the PCA plane follow it.",
    "net.status": "Network {shape}: P = {p} parameters, N = {n} training examples, {k} updates. "
    "Every view below is a slice through a surface with {p} dimensions.",
    "net.diverged": "The run blew up at update {k}; the views show it up to there.",
    "net.capped": "Capped at {epochs:,} epochs ({cap:,} updates) so that every run stays quick.",
    "net.subsampled": "The network trains on {n} of the {total} training examples (drawn from "
    "the seed), so that every slice stays quick.",
    "net.what_a_slice_shows": "What a slice can show: how the loss changes along two of the "
    "{p} directions around the final weights, the basin's width and shape along them. What it "
    "cannot: anything off the plane. A minimum on a slice need not be one in {p} dimensions, and "
    "a valley can look closed on one plane and open on another (↻ draws another plane).",
    "net.pair_head.batch": "A wide minimum or a sharp one? Small batch against full batch",
    "net.pair_head.act": "tanh against ReLU",
    "net.pair_note.batch": "Each slice passes through its own final weights, along directions "
    "scaled to its own weights, so the widths compare (that is what filter normalisation is "
    "for). Whether the small batch really found a wider basin depends on the data and the "
    "network: look, and draw other directions before concluding.",
    "net.pair_note.act": "Each slice passes through its own final weights. ReLU's landscape is "
    "piecewise: kinks where a unit switches on or off.",
    "net.alpha": "α (direction 1)",
    "net.beta": "β (direction 2)",
    "net.final": "final weights",
    "net.slice3d_title": "Loss on a random plane",
    "net.slice_title": "The same plane from above",
    "net.pca_title": "Plane of the path's 2 PCs ({share})",
    "net.pc": "PC{k} ({share})",
    "net.at_epoch": "epoch {epoch:,}",
    "net.line_x": "t (θ = θ₀ + t·(θ_end − θ₀))",
    "net.line_title": "Along the line start → end",
    "net.fit_start": "at the start",
    "net.fit_end": "at the end",
    "net.fit_title": "The network's prediction",
    "net.pair_title": "Each run's own random plane",
    "net.pair_line_title": "Loss along direction 1",
    "net.slice3d_title.short": "Random plane",
    "net.slice_title.short": "From above",
    "net.pca_title.short": "PCA plane ({share})",
    "net.line_title.short": "Start → end",
    "net.fit_title.short": "Prediction",
    "net.pair_title.short": "Both planes",
    "net.pair_line_title.short": "Along direction 1",
    "net.play": "Play",
    "net.pause": "Pause",
    "net.play_help": "Play the run epoch by epoch: the loss curve, the fitted curve and the point "
    "on the PCA plane move with it.",
    "net.with_width": "{name} · width {width}",
    "net.width_note": "Width: the stretch of α around the final weights over which the loss stays below twice its value there.",
    # --- end of the network page's texts -------------------------------------------------------
}
