"""A small fully connected network ``1 -> h1 (-> h2) -> 1`` fitted by MSE, in pure NumPy, with
its gradient by backpropagation written out layer by layer (as seed 003 writes its gradients).

All parameters live in one flat vector ``theta`` of length P; a :class:`Layout` says where each
layer's weight matrix ``W`` (shape (out, in)) and bias ``b`` (shape (out,)) sit in it, layer by
layer, ``W`` first (row-major: row i of ``W`` is unit i's incoming weights). The loss is

    y_hat = W3 act(W2 act(W1 x + b1) + b2) + b3        (one hidden layer: W2 act(W1 x + b1) + b2)
    L(theta) = mean((y_hat - y)^2)

A :class:`NetworkSurface` is a :class:`~core.surface.Surface`, so :func:`core.descent.run` trains
it with the lab's optimizers, batch sizes and seeds. Its loss evaluates many parameter vectors
at once (a slice of 51 x 51 points is one batched matrix product per layer, in chunks).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from core.surface import Surface

ACTIVATIONS = ("tanh", "relu")
MAX_UNITS = 32
CHUNK = 250_000  # floats of (points x examples x units) temporaries at once (2 MB: stays in cache)


@dataclass(frozen=True)
class Layout:
    """Layer sizes ``(1, h1, 1)`` or ``(1, h1, h2, 1)`` and where each part sits in theta."""

    sizes: tuple[int, ...]

    @cached_property
    def shapes(self) -> list[tuple[int, int]]:
        """``(out, in)`` of every layer's weight matrix."""
        return [(o, i) for i, o in zip(self.sizes[:-1], self.sizes[1:], strict=True)]

    @cached_property
    def slices(self) -> list[tuple[slice, slice]]:
        """``(weights, biases)`` slices of theta, layer by layer."""
        out, at = [], 0
        for o, i in self.shapes:
            w = slice(at, at + o * i)
            b = slice(w.stop, w.stop + o)
            out.append((w, b))
            at = b.stop
        return out

    @property
    def p(self) -> int:
        return sum(o * i + o for o, i in self.shapes)

    def unpack(self, theta: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Views ``(W, b)`` of every layer: ``W`` of shape (..., out, in), ``b`` (..., out)."""
        lead = theta.shape[:-1]
        return [
            (theta[..., w].reshape(*lead, o, i), theta[..., b])
            for (w, b), (o, i) in zip(self.slices, self.shapes, strict=True)
        ]

    def names(self) -> tuple[str, ...]:
        out: list[str] = []
        for layer, (o, i) in enumerate(self.shapes, start=1):
            out += [
                f"W{layer}[{r},{c}]" if i > 1 else f"W{layer}[{r}]"
                for r in range(o)
                for c in range(i)
            ]
            out += [f"b{layer}[{r}]" for r in range(o)]
        return tuple(out)


def layout(hidden: tuple[int, ...]) -> Layout:
    """The layout of a network with these hidden layer widths (one or two, 1 to 32 units)."""
    if not 1 <= len(hidden) <= 2 or not all(1 <= h <= MAX_UNITS for h in hidden):
        raise ValueError(f"one or two hidden layers of 1 to {MAX_UNITS} units")
    return Layout((1, *hidden, 1))


def init_params(lay: Layout, *, seed: int) -> np.ndarray:
    """Seeded start, as ``torch.nn.Linear`` initialises: every weight and bias of a layer with
    ``fan_in`` inputs uniform on ``[-1/sqrt(fan_in), 1/sqrt(fan_in)]``."""
    rng = np.random.default_rng(seed)
    theta = np.empty(lay.p)
    for (w, b), (_, i) in zip(lay.slices, lay.shapes, strict=True):
        bound = 1.0 / np.sqrt(i)
        theta[w] = rng.uniform(-bound, bound, w.stop - w.start)
        theta[b] = rng.uniform(-bound, bound, b.stop - b.start)
    return theta


def act(name: str, z: np.ndarray, *, inplace: bool = False) -> np.ndarray:
    out = z if inplace else None
    return np.tanh(z, out=out) if name == "tanh" else np.maximum(z, 0.0, out=out)


def act_slope(name: str, z: np.ndarray, a: np.ndarray) -> np.ndarray:
    """d act / d z, from the pre-activation ``z`` and the activation ``a`` (ReLU: 0 at a kink)."""
    return 1.0 - a * a if name == "tanh" else (z > 0).astype(float)


def forward(lay: Layout, activation: str, theta: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Predictions for many parameter vectors at once: ``theta`` (M, P), ``x`` (n,) -> (M, n).

    Each layer is one batched matrix product ``a @ W^T + b`` over the M vectors."""
    layers = lay.unpack(theta)
    w, b = layers[0]
    z = x[None, :, None] * w[:, None, :, 0]
    z += b[:, None, :]
    a = act(activation, z, inplace=True)  # (M, n, h1)
    for w, b in layers[1:-1]:
        z = np.matmul(a, np.swapaxes(w, -1, -2))
        z += b[:, None, :]
        a = act(activation, z, inplace=True)
    w, b = layers[-1]
    return np.matmul(a, w[:, 0, :, None])[..., 0] + b  # (M, n)


def forward_each(lay: Layout, activation: str, theta: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Each example through its own network: ``theta`` (r, P), ``x`` (r,) -> (r,)."""
    layers = lay.unpack(theta)
    w, b = layers[0]
    a = act(activation, x[:, None] * w[:, :, 0] + b)  # (r, h1)
    for w, b in layers[1:-1]:
        a = act(activation, np.einsum("rij,rj->ri", w, a) + b)
    w, b = layers[-1]
    return np.einsum("rj,rj->r", w[:, 0, :], a) + b[:, 0]


def backprop(lay: Layout, activation: str, theta: np.ndarray, x: np.ndarray, y: np.ndarray):
    """Loss and gradient of ``mean((y_hat - y)^2)`` over the examples ``x``, ``y`` (each (n,))
    at one parameter vector ``theta`` (P,), by the chain rule from the output back.

    Notes
    -----
    Forward, keeping every layer's input ``a_l`` and pre-activation ``z_l = a_{l-1} W_l^T + b_l``;
    then from ``dL/dy_hat = 2 (y_hat - y) / n`` backwards, for each layer::

        dL/dW_l = (dL/dz_l)^T a_{l-1}      dL/db_l = sum over examples of dL/dz_l
        dL/da_{l-1} = dL/dz_l W_l          dL/dz_{l-1} = dL/da_{l-1} * act'(z_{l-1})

    (the output layer has no activation: ``dL/dz_out = dL/dy_hat``).
    """
    layers = lay.unpack(theta)
    inputs, pre = [x[:, None]], []
    a = inputs[0]
    for k, (w, b) in enumerate(layers):
        z = a @ w.T + b
        pre.append(z)
        a = z if k == len(layers) - 1 else act(activation, z)
        inputs.append(a)
    residual = a[:, 0] - y
    loss = float(np.mean(residual * residual))
    grad = np.empty_like(theta)
    dz = (2.0 * residual / y.size)[:, None]  # dL/dz of the output layer, (n, 1)
    for k in range(len(layers) - 1, -1, -1):
        (ws, bs), (w, _) = lay.slices[k], layers[k]
        grad[ws] = (dz.T @ inputs[k]).ravel()
        grad[bs] = dz.sum(axis=0)
        if k:
            da = dz @ w
            dz = da * act_slope(activation, pre[k - 1], inputs[k])
    return loss, grad


@dataclass(frozen=True, eq=False)
class NetworkSurface(Surface):
    """MSE of the network ``lay`` with ``activation`` on training examples ``x``, ``y`` (n,)."""

    x: np.ndarray
    y: np.ndarray
    lay: Layout
    activation: str = "tanh"
    names: tuple[str, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        if self.activation not in ACTIVATIONS:
            raise ValueError(f"unknown activation {self.activation!r}")
        for a in (self.x, self.y):
            a.setflags(write=False)
        object.__setattr__(self, "names", self.lay.names())

    @property
    def n_train(self) -> int:  # type: ignore[override]
        return self.x.shape[0]

    def _width(self) -> int:
        return max(self.lay.sizes)

    def predict(self, theta, x) -> np.ndarray:
        """Predictions at ``x`` (m,) for ``theta`` of shape (..., P): shape (..., m)."""
        theta = np.asarray(theta, dtype=float)
        flat = theta.reshape(-1, self.lay.p)
        x = np.asarray(x, dtype=float)
        chunk = max(1, CHUNK // max(1, x.size * self._width()))
        out = np.empty((flat.shape[0], x.size))
        for lo in range(0, flat.shape[0], chunk):
            out[lo : lo + chunk] = forward(self.lay, self.activation, flat[lo : lo + chunk], x)
        return out.reshape(*theta.shape[:-1], x.size)

    def loss(self, theta) -> np.ndarray:
        """The training loss at ``theta`` (..., P), many vectors at once (in chunks)."""
        theta = np.asarray(theta, dtype=float)
        flat = theta.reshape(-1, self.lay.p)
        chunk = max(1, CHUNK // max(1, self.n_train * self._width()))
        out = np.empty(flat.shape[0])
        for lo in range(0, flat.shape[0], chunk):
            r = forward(self.lay, self.activation, flat[lo : lo + chunk], self.x) - self.y
            out[lo : lo + chunk] = np.mean(r * r, axis=-1)
        return out.reshape(theta.shape[:-1])

    def gradient(self, theta) -> np.ndarray:
        theta = np.asarray(theta, dtype=float)
        flat = theta.reshape(-1, self.lay.p)
        out = np.array([backprop(self.lay, self.activation, t, self.x, self.y)[1] for t in flat])
        return out.reshape(theta.shape)

    def hessian(self, theta) -> np.ndarray:
        """By central differences of the backpropagated gradient (2P gradients a point: for a
        look at one point, not for every frame of a run)."""
        theta = np.asarray(theta, dtype=float)
        flat = theta.reshape(-1, self.lay.p)
        out = np.empty((flat.shape[0], self.lay.p, self.lay.p))
        for m, t in enumerate(flat):
            for j in range(self.lay.p):
                h = 1e-5 * max(1.0, abs(t[j]))
                up, down = t.copy(), t.copy()
                up[j] += h
                down[j] -= h
                out[m, j] = (self.gradient(up) - self.gradient(down)) / (2 * h)
            out[m] = 0.5 * (out[m] + out[m].T)
        return out.reshape(*theta.shape, self.lay.p)

    def batch(self, theta, rows):
        return backprop(self.lay, self.activation, theta, self.x[rows], self.y[rows])

    def batch_losses(self, params, rows, owner, k):
        """Each batch's loss at its own parameters (``owner`` sorted): large batches one
        forward pass each; small ones every example through the network of its batch, a few
        hundred examples at a time."""
        if rows.size >= 8 * k:
            bounds = np.concatenate([[0], np.cumsum(np.bincount(owner, minlength=k))])
            out = np.empty(k)
            for b in range(k):
                here = rows[bounds[b] : bounds[b + 1]]
                r = forward(self.lay, self.activation, params[b : b + 1], self.x[here])[0]
                out[b] = np.mean((r - self.y[here]) ** 2)
            return out
        sq = np.empty(rows.size)
        step = max(1, CHUNK // (self.lay.p + self._width()))
        for lo in range(0, rows.size, step):
            own = params[owner[lo : lo + step]]  # (r, P): the network of each example's batch
            here = rows[lo : lo + step]
            r = forward_each(self.lay, self.activation, own, self.x[here]) - self.y[here]
            sq[lo : lo + step] = r * r
        return np.bincount(owner, weights=sq, minlength=k) / np.bincount(owner, None, k)
