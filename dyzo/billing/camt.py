"""camt.053 bank statements: read with pycamt, and written for the demo and tests.

`read_statement` returns the credits of a file as plain data; services.import_bank_statement
matches and records them.
"""

import dataclasses
import datetime
import hashlib
from decimal import Decimal, InvalidOperation
from xml.sax.saxutils import escape

from lxml.etree import XMLSyntaxError
from pycamt.parser import Camt053ParseError, Camt053Parser

from django.utils.translation import gettext as _

from dyzo.billing.errors import BillingError


@dataclasses.dataclass(frozen=True)
class Credit:
    reference: str
    amount: Decimal
    booked_on: datetime.date
    remittance: str
    payer_name: str
    payer_account: str


@dataclasses.dataclass(frozen=True)
class Statement:
    identifier: str
    credits: list[Credit]


def read_statement(data: bytes) -> Statement:
    """The statement's identifier (its message id) and its credit lines; a BillingError
    with a clear message for anything that is not a readable camt.053 file."""
    try:
        parser = Camt053Parser(data)
        header = parser.get_group_header()
        transactions = parser.get_transactions()
    except (XMLSyntaxError, Camt053ParseError, ValueError, AttributeError) as error:
        raise BillingError(_("This file is not a camt.053 bank statement.")) from error
    if parser.version == "unknown" or not header.get("MessageID"):
        raise BillingError(_("This file is not a camt.053 bank statement."))
    credits = [_credit(t) for t in transactions if _is_credit(t)]
    return Statement(identifier=f"camt053:{header['MessageID']}", credits=credits)


def _is_credit(transaction: dict) -> bool:
    return transaction.get("CreditDebitIndicator") == "CRDT" and transaction.get(
        "ReversalIndicator"
    ) not in ("true", "1")


def _credit(transaction: dict) -> Credit:
    try:
        amount = Decimal(transaction["Amount"])
        booked_on = datetime.date.fromisoformat(transaction["BookingDate"][:10])
    except (KeyError, TypeError, InvalidOperation, ValueError) as error:
        raise BillingError(_("A line of this bank statement has no amount or date.")) from error
    remittance = transaction.get("RemittanceInformation") or ""
    # The bank's own reference makes a line unique; without it, its content does.
    reference = (
        transaction.get("TransactionID")
        or hashlib.sha256(
            f"{booked_on}|{amount}|{remittance}|{transaction.get('DebtorIBAN')}".encode()
        ).hexdigest()
    )
    return Credit(
        reference=reference,
        amount=amount,
        booked_on=booked_on,
        remittance=remittance,
        payer_name=transaction.get("DebtorName") or "",
        payer_account=transaction.get("DebtorIBAN") or "",
    )


ENTRY = """
      <Ntry>
        <Amt Ccy="EUR">{amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>{date}</Dt></BookgDt>
        <ValDt><Dt>{date}</Dt></ValDt>
        <AcctSvcrRef>{reference}</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
          <Amt Ccy="EUR">{amount}</Amt>
          <RltdPties><Dbtr><Nm>{payer}</Nm></Dbtr>
            <DbtrAcct><Id><IBAN>{payer_account}</IBAN></Id></DbtrAcct></RltdPties>
          <RmtInf>{remittance}</RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>"""


def build_statement(message_id: str, iban: str, lines: list[dict]) -> bytes:
    """A camt.053.001.02 file with one credit entry per line (dict: amount, date, reference,
    payer, payer_account, and either `structured` (12 digits) or `text`). For the demo and
    tests; banks write the real ones."""
    entries = []
    for line in lines:
        if line.get("structured"):
            remittance = (
                "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry>"
                "<Issr>BBA</Issr></Tp>"
                f"<Ref>{line['structured']}</Ref></CdtrRefInf></Strd>"
            )
        else:
            remittance = f"<Ustrd>{escape(line.get('text', ''))}</Ustrd>"
        entries.append(
            ENTRY.format(
                amount=f"{Decimal(line['amount']):.2f}",
                date=line["date"].isoformat(),
                reference=escape(line["reference"]),
                payer=escape(line["payer"]),
                payer_account=line["payer_account"],
                remittance=remittance,
            )
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>{escape(message_id)}</MsgId><CreDtTm>2026-01-01T00:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>{escape(message_id)}</Id>
      <CreDtTm>2026-01-01T00:00:00</CreDtTm>
      <Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>{"".join(entries)}
    </Stmt>
  </BkToCstmrStmt>
</Document>
""".encode()
