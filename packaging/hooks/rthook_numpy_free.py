"""Runtime hook of the built program: HanTa without NumPy.

The Hannover Tagger imports one function from NumPy, ``logaddexp``, and calls it on two
floats. NumPy and its OpenBLAS add 39 MB to the folder; the build leaves them out and gives
the tagger the same function for floats here. Only the built program runs this hook.
"""

import math
import sys
import types

if "numpy" not in sys.modules:
    try:
        import numpy  # noqa: F401 - a build that does carry NumPy keeps it
    except ImportError:

        def logaddexp(x1: float, x2: float) -> float:
            """``log(exp(x1) + exp(x2))`` without overflow, as numpy.logaddexp on floats."""
            if x1 == x2:
                return x1 + math.log(2.0)
            high, low = (x1, x2) if x1 > x2 else (x2, x1)
            if low == -math.inf:
                return high
            return high + math.log1p(math.exp(low - high))

        shim = types.ModuleType("numpy")
        shim.logaddexp = logaddexp  # type: ignore[attr-defined]
        sys.modules["numpy"] = shim
