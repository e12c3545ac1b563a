"""Performance checks, run with `make bench`.

Each check measures Regie's operation against a raw baseline in the same run and
reports the ratio, so the result does not depend on how fast this machine is.
"""
