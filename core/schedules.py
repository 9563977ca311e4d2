"""Learning-rate schedules: the learning rate of every epoch of a run.

A schedule changes η at epoch boundaries, as PyTorch's ``torch.optim.lr_scheduler`` does when
``scheduler.step()`` is called once per epoch; every update of epoch ``e`` (0-based) uses
``η_e``. On a test function every update is an epoch. With ``warmup = W > 0`` the first W
epochs climb linearly, ``η_e = η·(e + 1)/W``, and the decay then starts from η at epoch W (its
clock counts from there):

==============  ======================================================  =====================
name            η_e for e ≥ W, with ``t = e − W`` and ``T = E − W``       PyTorch (stepped per
                                                                          epoch)
==============  ======================================================  =====================
``constant``    η                                                       no scheduler
``step``        η · drop^⌊t / every⌋                                    ``StepLR``
``exp``         η · gamma^t                                             ``ExponentialLR``
``cosine``      η · (1 + cos(π t / T)) / 2                              ``CosineAnnealingLR``
                                                                        (``T_max = T``,
                                                                        ``eta_min = 0``)
==============  ======================================================  =====================

Every optimizer of :mod:`core.optimizers` takes steps linear in η with η outside its state
(plain GD, momentum, Nesterov, AdaGrad, RMSProp and Adam alike), so a schedule is the step of the
constant rate scaled: the same numbers as setting the optimizer's rate before each update.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NAMES = ("constant", "step", "exp", "cosine")
MAX_WARMUP = 1000  # epochs (updates on a test function), like MAX_EPOCHS


@dataclass(frozen=True)
class Schedule:
    name: str = "constant"
    warmup: int = 0  # epochs of linear warm-up before the schedule (0: none)
    every: int = 100  # step decay: epochs between drops
    drop: float = 0.5  # step decay: the factor at each drop
    gamma: float = 0.99  # exponential decay: the factor per epoch

    def __post_init__(self) -> None:
        if self.name not in NAMES:
            raise ValueError(f"unknown schedule {self.name!r}")
        if not 0 <= self.warmup <= MAX_WARMUP:
            raise ValueError(f"the warm-up is 0 to {MAX_WARMUP} epochs")
        if self.every < 1:
            raise ValueError("a step decay drops every 1 epoch or more")
        if not (0.0 < self.drop <= 1.0 and 0.0 < self.gamma <= 1.0):
            raise ValueError("a decay factor is above 0 and at most 1")

    @property
    def is_constant(self) -> bool:
        return self.name == "constant" and self.warmup == 0


CONSTANT = Schedule()


def epoch_rates(schedule: Schedule, lr: float, epochs: int) -> np.ndarray:
    """η of every epoch, shape (epochs,): ``lr`` times the schedule's factor (exactly ``lr``
    for the constant schedule), vectorised."""
    e = np.arange(epochs, dtype=float)
    if schedule.is_constant:
        return np.full(epochs, float(lr))
    w = schedule.warmup
    t = e - w
    T = max(1, epochs - w)
    if schedule.name == "step":
        decay = schedule.drop ** np.floor(np.maximum(t, 0) / schedule.every)
    elif schedule.name == "exp":
        decay = schedule.gamma ** np.maximum(t, 0)
    elif schedule.name == "cosine":
        decay = (1.0 + np.cos(np.pi * np.maximum(t, 0) / T)) / 2.0
    else:
        decay = np.ones(epochs)
    rates = lr * np.where(e < w, (e + 1) / max(w, 1), decay)
    rates.setflags(write=False)
    return rates
