"""Every word the pages show, in one place."""
from __future__ import annotations

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
    "above_limit": "η = {lr:g} is above the full-batch stability limit {limit:.3g}.",
    "left_window": "The path left the plotted area at update {k:,} (b = {b:.4g}, w = {w:.4g}); the "
                   "charts keep their axes so runs stay comparable, and show the path up to there.",
    "error_data": "This data cannot be used: {reason}.",
    "error_run": "This run could not be computed: {reason}.",
}


def t(key: str, **values) -> str:
    text = EN[key]
    return text.format(**values) if values else text
