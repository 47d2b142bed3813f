#!/usr/bin/env python3
"""Grant element (grant equivalent share) of the loans in the shipped scenarios.

    GE = (face value - PV of debt service at a market discount rate d) / face value

(IMF, "Concessionality and the design of debt limits", 2013: unified discount rate 5%; OECD DAC from 2018 data:
6% for upper-middle-income recipients such as Belarus, 7% for lower-middle-income; US Treasury glossary: the
DAC convention was 10%.) Debt service = interest on the outstanding principal + principal repayments, paid at
`freq` times a year; interest-only during the grace period, then equal principal instalments to maturity.
Discounting is annual-compound at the payment dates: PV = sum CF_t / (1 + d)^t, t in years from disbursement.
A loan disbursed in several tranches is the face-weighted mean of its tranches. Negative GE (loan dearer than
the discount rate) is printed as such and floored at 0 where it enters a calibration.

Every loan term below cites its source in the comment; what is not sourced says "assumed".
Run:  python3 scripts/grant_equivalents.py          (standard library only)
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

RATES = (0.05, 0.06, 0.076, 0.09, 0.10)   # IMF 5%; DAC-UMIC 6%; Belarus 10-y Eurobond 7.625% (2017); 8.95% (2011); DAC old 10%
POINT = 0.076                             # Belarus's own market rate closest to 2014-17 (June 2017 10-y Eurobond, 7.625%)


def ge(rate: Callable[[float], float] | float, maturity: float, grace: float, d: float,
       freq: int = 2, upfront_fee: float = 0.0) -> float:
    """Grant element of a loan of face 1 disbursed at t=0."""
    r = (lambda t: rate) if isinstance(rate, (int, float)) else rate
    dt = 1.0 / freq
    n_rep = max(1, round((maturity - grace) * freq))
    inst = 1.0 / n_rep
    pv, out, t = upfront_fee, 1.0, 0.0
    while out > 1e-12:
        t += dt
        interest = out * r(t - dt) * dt
        principal = inst if t >= maturity - (n_rep - 1) * dt - 1e-9 else 0.0
        principal = min(principal, out)
        pv += (interest + principal) / (1.0 + d) ** t
        out -= principal
    return 1.0 - pv


@dataclass
class Loan:
    name: str
    face_bn: float             # principal actually disbursed (bn USD) in the period counted
    years: float               # years over which it was disbursed (to turn it into bn USD/yr)
    tranches: list             # list of (weight, rate, maturity, grace) -- rate may be a callable of t
    source: str
    fee: float = 0.0
    freq: int = 2

    def ge(self, d: float) -> float:
        w = sum(x[0] for x in self.tranches)
        return sum(x[0] * ge(x[1], x[2], x[3], d, self.freq, self.fee) for x in self.tranches) / w


LIBOR6M = 0.01  # assumed average 6-month USD LIBOR over the loans' lives (range 0.5-2.5%; not sourced here)

# --- Belarus: Russian credit channel, 2011-2020 (the period of the energy figure, DW 2021) -------------------
# Astravets NPP export credit: repayment from no later than 1 Apr 2021 in 30 equal semi-annual instalments;
# 50% at 5.23% fixed, 50% at 6m USD LIBOR + 1.83% (PrimePress, 11 May 2020; NEI Magazine, June 2020);
# $4.33bn drawn by 1 Apr 2020 (PrimePress), ~$4.5bn by Sept 2020 (Kommersant via Agenzia Nova, Feb 2021).
# Drawdowns assumed even over 2012-2020 (construction from Nov 2013, udf.by): grace = 2021.25 - draw date.
astr_rate = 0.5 * 0.0523 + 0.5 * (LIBOR6M + 0.0183)
astravets = Loan("Astravets NPP credit (Russia)", 4.5, 10,
                 [(1.0, astr_rate, 2021.25 - y + 15.0, 2021.25 - y) for y in (2012.5 + i for i in range(9))],
                 "PrimePress 2020; Agenzia Nova/Kommersant 2021")
# EurAsEC Anti-Crisis Fund 2011-13: $2.56bn in five tranches (Oreanda; APK-Inform 2014), 10 years incl. 3 of
# grace, floating rate ~4.1% (Oreanda; telegraf.by 2011; Belarus Digest 2011).
acf = Loan("EurAsEC ACF loan 2011-13", 2.56, 10, [(1.0, 0.041, 10, 3)], "Oreanda; telegraf.by; Belarus Digest 2011")
# EFSD 2016-18: $1.8bn received of $2bn (Belarus Feed 2019); 4.06% a year, 10 years, 5 of grace
# (Belarus in Focus, July 2016).
efsd = Loan("EFSD loan 2016-18", 1.8, 10, [(1.0, 0.0406, 10, 5)], "Belarus in Focus 2016; Belarus Feed 2019")
# Russian state loans: $1.55bn agreed Sept 2014, 15 years, 5 of grace, floating on Russian government
# securities (Keesing's, Sept 2014; udf.by); $0.7bn Sept 2017, 10 years from 2018, semi-annual (naviny.by;
# UAWire/RBC 2017); $1bn 2020 refinancing (Belsat 2020, terms 'acceptable', assumed as the 2017 loan).
# Rate: 4.8%, the rate Lukashenka said Moscow charged (March 2019, via gordonua.com); assumed for all three.
rus_state = Loan("Russian state loans 2014/2017/2020", 3.25, 10,
                 [(1.55, 0.048, 15, 5), (0.7, 0.048, 10, 0.5), (1.0, 0.048, 10, 0.5)],
                 "Keesing's 2014; naviny.by 2017; Belsat 2020; rate: Lukashenka 2019 (assumed)")

# --- Belarus: second pole and other lenders -------------------------------------------------------------------
# IMF SBA 2009-10: ~$3.46bn disbursed in five tranches (BelaPAN via page-analytics); repaid in 8 equal quarterly
# instalments from 3 1/4 to 5 years (IMF SBA factsheet); basic rate = SDR rate (0.25% in 2009-10, IMF rates table
# March 2010) + 100bp; surcharge 200bp (300bp after 3 years) on credit above 300% of quota (IMF 2004 / factsheet);
# access ~4x quota at $2.46bn (AFP via Belarus Digest, Jan 2009), so ~5.7x at $3.52bn: ~47% of credit surcharged;
# 50bp service charge up front (IMF factsheet).
sur = (5.7 - 3.0) / 5.7
sba_rate = lambda t: 0.0025 + 0.01 + sur * (0.02 if t < 3 else 0.03)
imf_sba = Loan("IMF stand-by 2009-10", 3.46, 2, [(1.0, sba_rate, 5.0, 3.25)], "IMF factsheet; BelaPAN", fee=0.005, freq=4)
# China 2015 (Xi's visit): $700m to the Development Bank, 15 years, effective rate <= 4.7% (Reuters, 10 May 2015);
# grace assumed 5 years (as the CDB loan to Belarusbank, 6% + 6m LIBOR, 5 years' grace: Belarus in Focus via
# udf.by, Oct 2017; its maturity assumed 10 years).
cdb_dev = Loan("China Dev. Bank 2015 ($0.7bn)", 0.7, 5, [(1.0, 0.047, 15, 5)], "Reuters 2015; grace assumed")
cdb_bbank = Loan("CDB to Belarusbank (6%+LIBOR)", 1.0, 5, [(1.0, 0.06 + LIBOR6M, 10, 5)], "udf.by 2017; maturity assumed")
# Chinese government (Eximbank) loans 'at 2%' (Lukashenka, March 2019, via gordonua.com); 20 years with 5 of grace
# assumed.
exim = Loan("China Eximbank-type, 2%", 3.0, 5, [(1.0, 0.02, 20, 5)], "Lukashenka 2019 (rate); terms assumed")


def table(loans: list[Loan]) -> None:
    head = "".join(f"   d={d:5.1%}" for d in RATES)
    print(f"{'loan':38s}{'face':>6s}{'/yr':>6s}{head}   GE/yr@{POINT:.1%}")
    for L in loans:
        g = [L.ge(d) for d in RATES]
        per_yr = L.face_bn / L.years
        print(f"{L.name:38s}{L.face_bn:6.2f}{per_yr:6.2f}" + "".join(f"{x:11.3f}" for x in g)
              + f"   {max(0.0, L.ge(POINT)) * per_yr:8.3f}")


def per_year(loans, d):
    return sum(max(0.0, L.ge(d)) * L.face_bn / L.years for L in loans)


if __name__ == "__main__":
    russian = [astravets, acf, efsd, rus_state]
    print("Grant element (share of face value) by discount rate d; GE/yr = GE x face / years of disbursement\n")
    print("Belarus - Russian credit channel, 2011-2020 (same period as the DW energy figure)")
    table(russian)
    print("  principal per year: %.2f bn USD" % sum(L.face_bn / L.years for L in russian))
    for d in RATES:
        print(f"  credit channel at grant equivalent, d={d:5.1%}: {per_year(russian, d):.3f} bn USD/yr")
    print("\nBelarus - second pole and other lenders")
    table([imf_sba, cdb_dev, cdb_bbank, exim])
    print("  IMF SBA alone, per year of the 2009-10 programme:")
    for d in RATES:
        print(f"    d={d:5.1%}: {per_year([imf_sba], d):.3f}   + China (Eximbank-type $3bn over 5y, CDB): "
              f"{per_year([exim, cdb_dev, cdb_bbank], d):.3f}   total {per_year([imf_sba, exim, cdb_dev, cdb_bbank], d):.3f}")
    # the $500m Russian state loan offered in 2009 (Interfax, 15 June 2009), tranche of the $2bn loan at
    # LIBOR + 3%, 15 years, 5 of grace (Euroradio, Jan 2009); LIBOR assumed 1%.
    offer = Loan("$0.5bn Russian loan offered 2009", 0.5, 1, [(1.0, LIBOR6M + 0.03, 15, 5)], "Interfax; Euroradio 2009")
    print("\nBelarus - the refused 2009 offer, one-off (bn USD)")
    for d in RATES:
        print(f"    d={d:5.1%}: GE {offer.ge(d):.3f} -> {max(0, offer.ge(d)) * 0.5:.3f} bn USD")
    # sensitivity of the Russian channel to LIBOR
    print("\nSensitivity: Russian channel GE/yr at d=7.6% with 6m LIBOR 0.5% / 2.5% (assumed range)")
    for lib in (0.005, 0.025):
        a = Loan("a", 4.5, 10, [(1.0, 0.5 * 0.0523 + 0.5 * (lib + 0.0183), 2021.25 - y + 15, 2021.25 - y)
                                 for y in (2012.5 + i for i in range(9))], "")
        print(f"    LIBOR {lib:.1%}: {per_year([a, acf, efsd, rus_state], POINT):.3f}")

    # --- Georgia: high end of second_pole_offer ------------------------------------------------------------
    # Brussels, 22 Oct 2008: $4.55bn over 2008-10 = $3.7bn public loans and grants + $0.85bn private (European
    # Commission via ReliefWeb/Irish Times); 'of the 4.5 billion ... 2 billion dollars will be in grants and the
    # remaining in low-interest loans' (dpa via TopNews, 22 Oct 2008). Public loans = 3.7 - 2.0 = 1.7bn.
    # Proxy for their terms: an IMF stand-by at the basic rate only (SDR 0.25% + 100bp, IMF 2010), repaid 3 1/4-5
    # years (the $750m IMF package, EurActiv); IDA-like terms (0.75%, 40 years, 10 of grace; assumed) as the upper
    # proxy. Private money is not an offer of the second pole and is left out (GE ~0 at market terms).
    print("\nGeorgia - Brussels pledges at grant equivalent, bn USD/yr over 2008-10 (3 years)")
    for d in (0.05, 0.07, 0.10):
        lo = ge(0.0125, 5.0, 3.25, d, 4, 0.005)
        hi = ge(0.0075, 40, 10, d, 2)
        print(f"    d={d:4.0%}: loan GE {lo:.3f} (IMF-like) .. {hi:.3f} (IDA-like) -> "
              f"{(2.0 + 1.7 * lo) / 3:.3f} .. {(2.0 + 1.7 * hi) / 3:.3f} bn USD/yr")
