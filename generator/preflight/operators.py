"""The content-stream operators PDF defines (ISO 32000-1, annex A), as qpdf's parser reports
them: any other word in a content stream is junk a RIP may stop on, unless it stands
between BX and EX, where a reader must ignore what it does not know."""

from __future__ import annotations

_DEFINED = """b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID
j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v
w W W* y ' " PS"""
# pikepdf reads BI … ID … EI as one instruction of this name.
OPERATORS = frozenset([*_DEFINED.split(), "INLINE IMAGE"])
COMPATIBILITY = ("BX", "EX")  # a section whose unknown operators are allowed
