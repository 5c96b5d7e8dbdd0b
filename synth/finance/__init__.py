"""The money side of the world (issue #5): accounts, the bank-and-app ledger, the LabCoin chain.

See docs/finance.md for the design; ``build_finance`` is the stage synth.generate runs after the social stage.
"""

from synth.finance.build import build_finance
from synth.finance.model import ChainTx, FinAccount, Finance, Flow, Ledger, Wallet

__all__ = ["build_finance", "ChainTx", "FinAccount", "Finance", "Flow", "Ledger", "Wallet"]
