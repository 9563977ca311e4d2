"""Optimizers as pairs of pure functions with explicit state (the optax shape).

``init(params) -> state`` and ``update(grad, state, params) -> (step, state)``; the new
parameters are ``params + step``. No hidden mutable state, so a run can be replayed or cached.
Hyperparameters are bound by the factory functions below.
"""

from __future__ import annotations

from typing import Callable, NamedTuple

import numpy as np

NAMES = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")


class Optimizer(NamedTuple):
    name: str
    init: Callable
    update: Callable


def gd(lr: float) -> Optimizer:
    """Plain gradient descent: ``step = -lr g``."""
    return Optimizer("gd", lambda p: (), lambda g, s, p: (-lr * g, s))


def momentum(lr: float, *, beta: float = 0.9) -> Optimizer:
    """Heavy ball. Notes: ``v <- beta v + g``, ``step = -lr v``."""

    def update(g, v, p):
        v = beta * v + g
        return -lr * v, v

    return Optimizer("momentum", lambda p: np.zeros_like(p), update)


def nesterov(lr: float, *, beta: float = 0.9) -> Optimizer:
    """Nesterov momentum in the form that needs the gradient at the current point only
    (Sutskever et al. 2013; optax ``trace(nesterov=True)``). Notes: ``v <- beta v + g``,
    ``step = -lr (g + beta v)``: the velocity is applied once more, a look-ahead."""

    def update(g, v, p):
        v = beta * v + g
        return -lr * (g + beta * v), v

    return Optimizer("nesterov", lambda p: np.zeros_like(p), update)


def adagrad(lr: float, *, eps: float = 1e-8) -> Optimizer:
    """AdaGrad. Notes: ``s <- s + g^2``, ``step = -lr g / (sqrt(s) + eps)``."""

    def update(g, s, p):
        s = s + g * g
        return -lr * g / (np.sqrt(s) + eps), s

    return Optimizer("adagrad", lambda p: np.zeros_like(p), update)


def rmsprop(lr: float, *, rho: float = 0.9, eps: float = 1e-8) -> Optimizer:
    """RMSProp. Notes: ``s <- rho s + (1 - rho) g^2``, ``step = -lr g / (sqrt(s) + eps)``."""

    def update(g, s, p):
        s = rho * s + (1 - rho) * g * g
        return -lr * g / (np.sqrt(s) + eps), s

    return Optimizer("rmsprop", lambda p: np.zeros_like(p), update)


def adam(lr: float, *, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8) -> Optimizer:
    """Adam with bias correction. Notes: ``m <- b1 m + (1 - b1) g``, ``v <- b2 v + (1 - b2) g^2``,
    ``m^ = m / (1 - b1^t)``, ``v^ = v / (1 - b2^t)``, ``step = -lr m^ / (sqrt(v^) + eps)``."""

    def init(p):
        return (np.zeros_like(p), np.zeros_like(p), 0)

    def update(g, state, p):
        m, v, t = state
        t += 1
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        return -lr * m_hat / (np.sqrt(v_hat) + eps), (m, v, t)

    return Optimizer("adam", init, update)


def make(
    name: str, lr: float, *, beta: float = 0.9, beta2: float = 0.999, eps: float = 1e-8
) -> Optimizer:
    """An optimizer by name; ``beta`` is the momentum (or RMSProp's rho, Adam's beta1)."""
    if name == "gd":
        return gd(lr)
    if name in ("momentum", "nesterov"):
        return (momentum if name == "momentum" else nesterov)(lr, beta=beta)
    if name == "adagrad":
        return adagrad(lr, eps=eps)
    if name == "rmsprop":
        return rmsprop(lr, rho=beta, eps=eps)
    if name == "adam":
        return adam(lr, beta1=beta, beta2=beta2, eps=eps)
    raise ValueError(f"unknown optimizer {name!r}")
