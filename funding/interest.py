"""The interest a pledge loan bore inside a programme's window, and the subsidy (贴息) on it.

Day count: actual/360. The People's Bank of China's 《人民币利率管理规定》 sets the daily rate as the annual
rate ÷ 360, and Chinese banks charge loan interest that way (actual days × annual rate ÷ 360); the subsidy is
a share of the interest the borrower actually paid, so it is counted as the bank counted it. Days are
counted as banks do, the first day and not the last (算头不算尾): a loan from 1 March to 1 April bears 31 days.

Only interest the lender records as paid counts: a day bears subsidisable interest when it lies in the loan
`[start_date, min(end_date, interest_paid_to))` and in the programme's window `[covers_from, covers_to]`
(both ends of the window included). The interest is rounded to the fen (half up) as a bank's receipt is, the
subsidy is that interest × the rule's percentage, rounded to the fen, then held to the rule's cap per loan.
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

DAY_COUNT_BASIS = 360
FEN = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class InterestSubsidy:
    """What the platform computed for one loan in one window; `basis()` is kept on the application item."""

    first_day: object
    last_day: object
    days: int
    interest: Decimal
    percentage: Decimal
    uncapped: Decimal
    amount: Decimal

    @property
    def capped(self):
        return self.amount < self.uncapped

    def basis(self):
        return {
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "days": self.days,
            "interest": str(self.interest),
            "percentage": str(self.percentage),
            "uncapped": str(self.uncapped),
            "amount": str(self.amount),
            "day_count": f"actual/{DAY_COUNT_BASIS}",
        }


def days_in_window(loan, covers_from, covers_to):
    """The first and last interest-bearing, paid day inside the window and how many days that is."""
    if loan.interest_paid_to is None:
        return None, None, 0
    first = max(loan.start_date, covers_from)
    stop = min(loan.end_date, loan.interest_paid_to, covers_to + timedelta(days=1))
    days = (stop - first).days
    if days <= 0:
        return None, None, 0
    return first, stop - timedelta(days=1), days


def interest_for(principal, annual_rate_percent, days):
    """Interest on `principal` at an annual rate in percent for `days` days, actual/360, to the fen."""
    raw = Decimal(principal) * Decimal(annual_rate_percent) / Decimal(100) * days / DAY_COUNT_BASIS
    return raw.quantize(FEN, rounding=ROUND_HALF_UP)


def subsidy(loan, covers_from, covers_to, percentage, cap=None):
    """The subsidy on `loan`'s paid interest inside `[covers_from, covers_to]`."""
    first, last, days = days_in_window(loan, covers_from, covers_to)
    interest = interest_for(loan.principal, loan.annual_rate, days) if days else ZERO
    uncapped = (interest * Decimal(percentage) / Decimal(100)).quantize(FEN, rounding=ROUND_HALF_UP)
    amount = min(uncapped, cap) if cap is not None else uncapped
    return InterestSubsidy(first, last, days, interest, Decimal(percentage), uncapped, amount)
