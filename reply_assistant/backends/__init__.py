"""Backends turn an `Incoming` message into a verdict and a draft (see `base.Backend`)."""
