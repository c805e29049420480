// Texts for scoring: grades, early-warning flags, reasons, planned actions, channels and the findings of
// score, plan and forecast. Placeholders in braces are filled from a flag's evidence, a reason's args or
// a finding's args, whose keys are the same in both languages.

const en = {
  GRADE_A: 'A: low risk',
  GRADE_B: 'B: moderate risk',
  GRADE_C: 'C: high risk',
  GRADE_D: 'D: very high risk',

  FLAG_PAYMENTS_SLOWING:
    'Payments slowing: {recentDaysLate} days late on average over the last {recentCount} paid invoices, against {earlierDaysLate} days over the {earlierCount} before (+{trendDays} days)',
  FLAG_PAYMENTS_SLOWING_FROM_EARLY:
    'Payments slowing: {recentDaysLate} days late on average over the last {recentCount} paid invoices, against {earlierDaysEarly} days early over the {earlierCount} before (+{trendDays} days)',
  FLAG_PAYMENTS_SLOWING_BOTH_EARLY:
    'Payments slowing: {recentDaysEarly} days early on average over the last {recentCount} paid invoices, against {earlierDaysEarly} days early over the {earlierCount} before (+{trendDays} days)',
  FLAG_FIRST_LATE_PAYMENT: 'First late payment after a clean run: {lastDaysLate} days late after {cleanRun} invoices paid on time',
  FLAG_PARTIAL_PAYMENTS: 'Partial payments: {partialCount} invoices paid only in part ({partialPercent}% of the {paidInvoices} invoices with a payment)',
  FLAG_BALANCE_GROWING: 'Balance growing: open balance {openBalance} {currency} is {ratio} times the usual {usualBalance} {currency}',
  FLAG_AGING_ROLLOVER:
    'Balance rolling into older aging buckets: {over30Now} {currency} is more than 30 days past due, against {over30MonthAgo} {currency} a month ago ({over90Now} {currency} more than 90 days, against {over90MonthAgo} {currency})',
  FLAG_OLDEST_OVERDUE: 'Oldest invoice {oldestOverdueDays} days past due, over the {limitDays}-day limit ({overdueBalance} {currency} overdue in total)',
  FLAG_LARGE_NEW_EXPOSURE:
    'Large new exposure: open balance {openBalance} {currency} ({sharePercent}% of receivables) from a customer with only {settledCount} paid invoices so far',
  FLAG_LARGE_NEW_EXPOSURE_ONE:
    'Large new exposure: open balance {openBalance} {currency} ({sharePercent}% of receivables) from a customer with only 1 paid invoice so far',
  FLAG_LARGE_NEW_EXPOSURE_NONE:
    'Large new exposure: open balance {openBalance} {currency} ({sharePercent}% of receivables) from a customer with no paid invoice yet',
  FLAG_CONCENTRATION: 'Concentration: this customer has {sharePercent}% of all open receivables ({openBalance} {currency})',
  FLAG_NO_RECENT_PAYMENT:
    'No payment for {daysSinceLastPayment} days, though this customer usually pays every {usualGapDays} days ({overdueBalance} {currency} overdue)',
  FLAG_CREDIT_NOTES_RISING: 'Credit notes rising: {last90Days} in the last 90 days, against {earlierPer90Days} per 90 days before',
  FLAG_DISPUTES_RISING: 'Disputes rising: disputed invoices in the last 90 days: {last90Days}, against {earlierPer90Days} per 90 days before',

  REASON_ALREADY_LATE: 'invoice {invoiceId} is late already: unpaid {daysOverdue} days after its due date, over the {lateAfterDays}-day limit for a late payment',
  REASON_ALREADY_LATE_ONE_DAY: 'invoice {invoiceId} is late already: unpaid 1 day after its due date, over the {lateAfterDays}-day limit for a late payment',
  REASON_ALREADY_LATE_INVOICES:
    '{count} open invoices are late already: unpaid more than {lateAfterDays} days after their due dates ({balance} {currency} in all)',
  REASON_NO_HISTORY: 'no payment history yet',
  REASON_NO_PAYMENTS_OVERDUE: 'no invoice paid yet; {overdueCount} open invoices past due, the oldest by {oldestOverdueDays} days',
  REASON_NO_PAYMENTS_OVERDUE_ONE: 'no invoice paid yet; 1 open invoice {oldestOverdueDays} days past due',
  REASON_SHORT_HISTORY: 'short payment history: {settledCount} paid invoices so far',
  REASON_SHORT_HISTORY_ONE: 'short payment history: 1 paid invoice so far',
  REASON_PAID_HISTORY: '{count} paid invoices, {lateCount} of them after the due date',
  REASON_PAID_HISTORY_ONE: '1 paid invoice so far',
  REASON_FEW_RECENT_PAYMENTS: 'few recent payments: invoices paid in the last 365 days: {settledLast365}',
  REASON_VOLUME_CHANGE: 'invoicing {ratio} times the usual volume in the last 90 days',
  REASON_RECENT_LATENESS: '{daysLate} days late on average over the last {count} paid invoices',
  REASON_RECENT_LATENESS_ONE_DAY: '1 day late on average over the last {count} paid invoices',
  REASON_LAST_PAYMENT_LATE: 'the last paid invoice was paid {daysLate} days late',
  REASON_LAST_PAYMENT_LATE_ONE_DAY: 'the last paid invoice was paid 1 day late',
  REASON_LATE_HISTORY: '{daysLate} days late on average over {count} paid invoices, at worst {maxDaysLate} days',
  REASON_LATE_HISTORY_ONE_DAY: '1 day late on average over {count} paid invoices, at worst {maxDaysLate} days',
  REASON_LATE_AT_WORST: 'on time on average over {count} paid invoices, but {maxDaysLate} days late at worst',
  REASON_LATE_AT_WORST_ONE_DAY: 'on time on average over {count} paid invoices, but 1 day late at worst',
  REASON_LATE_SHARE: '{lateCount} of {count} paid invoices paid after the due date ({latePercent}%)',
  REASON_LATE_SHARE_ONE: 'the only paid invoice was paid after the due date',
  REASON_PAYMENTS_SLOWING:
    '{recentDaysLate} days late on average over the last {recentCount} paid invoices, against {earlierDaysLate} days over the {earlierCount} before',
  REASON_PAYMENTS_SLOWING_FROM_EARLY:
    '{recentDaysLate} days late on average over the last {recentCount} paid invoices, against {earlierDaysEarly} days early over the {earlierCount} before',
  REASON_PAYMENTS_SLOWING_BOTH_EARLY:
    '{recentDaysEarly} days early on average over the last {recentCount} paid invoices, against {earlierDaysEarly} days early over the {earlierCount} before',
  REASON_OVERDUE_NOW: '{overdueCount} open invoices past due, the oldest by {oldestOverdueDays} days',
  REASON_OVERDUE_NOW_ONE: '1 open invoice {oldestOverdueDays} days past due',
  REASON_OPEN_INVOICES: '{openCount} open invoices',
  REASON_OPEN_INVOICES_ONE: '1 open invoice',
  REASON_AGING: '{over30Percent}% of the open balance more than 30 days past due ({over30Balance} {currency})',
  REASON_BALANCE_OVER_USUAL: 'open balance {openBalance} {currency} is {ratio} times the usual',
  REASON_BALANCE_OVER_TYPICAL: 'open balance {openBalance} {currency} is {ratio} times a typical invoice',
  REASON_SHARE_OF_RECEIVABLES: 'has {sharePercent}% of all open receivables',
  REASON_INVOICE_SIZE: 'invoice {invoiceId} is {ratio} times the customer\'s usual invoice amount',
  REASON_INVOICE_AMOUNT: 'invoice {invoiceId} is for {amount} {currency}, close to the customer\'s usual invoice of {usualAmount} {currency}',
  REASON_INVOICE_AMOUNT_FIRST: 'invoice {invoiceId} is for {amount} {currency} and is the customer\'s first invoice, so there is no usual amount to compare it with',
  REASON_INVOICE_OVERDUE: 'invoice {invoiceId} is {daysOverdue} days past due',
  REASON_INVOICE_OVERDUE_ONE_DAY: 'invoice {invoiceId} is 1 day past due',
  REASON_INVOICE_AGE: 'invoice {invoiceId} is still unpaid {ageDays} days after it was issued and falls due on {dueDate}',
  REASON_INVOICE_AGE_ONE_DAY: 'invoice {invoiceId} is still unpaid 1 day after it was issued and falls due on {dueDate}',
  REASON_INVOICE_PART_PAID: 'invoice {invoiceId} is only {paidPercent}% paid',
  REASON_PAYMENT_TERMS: 'invoice {invoiceId} has {termsDays}-day payment terms, and invoices with such terms are more often paid late',
  REASON_DUE_ON_MONDAY: 'invoice {invoiceId} falls due on a Monday ({dueDate}), and invoices due on Mondays are more often paid late',
  REASON_DUE_ON_TUESDAY: 'invoice {invoiceId} falls due on a Tuesday ({dueDate}), and invoices due on Tuesdays are more often paid late',
  REASON_DUE_ON_WEDNESDAY: 'invoice {invoiceId} falls due on a Wednesday ({dueDate}), and invoices due on Wednesdays are more often paid late',
  REASON_DUE_ON_THURSDAY: 'invoice {invoiceId} falls due on a Thursday ({dueDate}), and invoices due on Thursdays are more often paid late',
  REASON_DUE_ON_FRIDAY: 'invoice {invoiceId} falls due on a Friday ({dueDate}), and invoices due on Fridays are more often paid late',
  REASON_DUE_ON_SATURDAY: 'invoice {invoiceId} falls due on a Saturday ({dueDate}), and invoices due on Saturdays are more often paid late',
  REASON_DUE_ON_SUNDAY: 'invoice {invoiceId} falls due on a Sunday ({dueDate}), and invoices due on Sundays are more often paid late',
  REASON_DUE_AT_MONTH_END: 'invoice {invoiceId} falls due at the end of a month ({dueDate}), and invoices due then are more often paid late',
  REASON_DUE_DAY_OF_MONTH: 'invoice {invoiceId} falls due on day {dayOfMonth} of the month ({dueDate}), and invoices due then are more often paid late',
  REASON_ISSUED_AT_MONTH_END: 'invoice {invoiceId} was issued at the end of a month ({issueDate}), and such invoices are more often paid late',
  REASON_PARTIAL_PAYMENTS: '{partialPercent}% of invoices with a payment paid only in part at first',
  REASON_CREDIT_NOTES: 'credit notes in the last 90 days: {last90Days} ({before} before)',
  REASON_DISPUTES: 'disputed invoices in the last 90 days: {last90Days} ({before} before)',
  REASON_PAYMENT_GAP: 'no payment for {days} days, though usually every {usualGapDays} days',
  REASON_DAYS_SINCE_PAYMENT: 'no payment for {days} days',
  REASON_NO_PAYMENT_YET: 'no payment received yet',
  REASON_EXTRA_COLUMN: 'invoice {invoiceId}: {column} is {value}',
  REASON_EXTRA_COLUMN_MEAN: '{column} averages {value} on this customer\'s earlier invoices',
  REASON_EXTRA_SAME_VALUE: 'invoice {invoiceId}: this customer\'s invoices with the same {column} value were paid {daysLate} days late on average',
  REASON_EXTRA_SAME_VALUE_NEW: 'a typical new invoice: this customer\'s paid invoices, whatever their {column}, were paid {daysLate} days late on average',
  REASON_EXTRA_ADJUSTED_LATE: 'invoice {invoiceId}: this customer\'s usual delay, adjusted for its {columns}, puts payment {days} days after the due date',
  REASON_EXTRA_ADJUSTED_EARLY: 'invoice {invoiceId}: this customer\'s usual delay, adjusted for its {columns}, puts payment {days} days before the due date',
  REASON_EXTRA_ADJUSTED_PROBABILITY: 'invoice {invoiceId}: from this customer\'s usual delay and its {columns} alone, the chance of a late payment is {percent}%',
  REASON_EXTRA_ADJUSTED_LATE_NEW: 'a typical new invoice: this customer\'s usual delay, adjusted for its {columns}, puts payment {days} days after the due date',
  REASON_EXTRA_ADJUSTED_EARLY_NEW: 'a typical new invoice: this customer\'s usual delay, adjusted for its {columns}, puts payment {days} days before the due date',
  REASON_EXTRA_ADJUSTED_PROBABILITY_NEW: 'a typical new invoice: from this customer\'s usual delay and its {columns} alone, the chance of a late payment is {percent}%',
  REASON_EXTRA_ADJUSTED_SPREAD: 'this customer\'s payment days vary by about {days} days around the usual delay',
  REASON_LARGE_BALANCE: 'large open balance: {openBalance} {currency}',
  REASON_OTHER_PATTERN: 'other patterns in the payment history',

  ACTION_FRIENDLY_REMINDER: 'Friendly reminder before the due date',
  ACTION_REMINDER: 'Payment reminder',
  ACTION_PHONE_CALL: 'Phone the customer',
  ACTION_PAYMENT_PLAN: 'Offer a payment plan',
  ACTION_STOP_CREDIT: 'Stop new credit',
  ACTION_REQUEST_PREPAYMENT: 'Ask for prepayment on new orders',
  ACTION_COLLECTION: 'Hand over to collection',
  ACTION_REVIEW_CREDIT_LIMIT: 'Review the credit limit',
  ACTION_RESOLVE_DISPUTES: 'Contact the customer to resolve disputes and credit notes',

  CHANNEL_EMAIL: 'email',
  CHANNEL_SMS: 'SMS',
  CHANNEL_PHONE: 'phone',
  CHANNEL_LETTER: 'letter',
  CHANNEL_INTERNAL: 'internal',

  VALUE_DUE_IN_DAYS: 'due in {count} days',
  VALUE_DUE_IN_DAYS_ONE: 'due in 1 day',

  PAYMENT_DATE_SOURCE_MODEL: 'from the payment-date model',
  PAYMENT_DATE_SOURCE_CUSTOMER_HISTORY: 'from the customer\'s usual delay',
  PAYMENT_DATE_SOURCE_PORTFOLIO: 'from all customers\' usual delay (no history for this customer)',

  SCORE_FEATURE_COUNT_MISMATCH:
    'The model expects {expected} features per row but got {actual}. Retrain the model on this file or use a model built for these columns.',
  SCORE_MISSING_EXTRA_COLUMN:
    'The model was trained with the extra columns {columns}, but this run did not load {missing}. Add {fix}, spelled as shown, or train a model without --extra.',
  SCORE_MODEL_AFTER_AS_OF:
    'The model was trained on facts up to {trainedUntil}, after the as-of date {asOf}, so it has seen how some of these invoices ended. For a fair view of that past date, train with --as-of {asOf}.',
  SCORE_AS_OF_AFTER_DATA:
    'The as-of date defaulted to today, {asOf}, which is {days} days after the latest invoice or payment date in the input ({latest}). Open invoices count as overdue up to today, so they may look far more overdue than they are. If the file is an older export, give {fix}.',
  SCORE_EXTRA_COLUMNS_UNUSED: 'The model does not read the extra columns {columns}, so they were ignored. Train a model with {fix} to use them.',
  SCORING_CONFIG_INVALID: 'Invalid scoring setting {setting} in the config file: {problem}. Fix or remove it to use the default.',
  SCORING_GRADE_CUTS_NOT_RISING:
    '{file}: {jsonPath}: the grade cuts must rise from B to C to D, but they are B {B}, C {C} and D {D} (a cut left out has its default). Change them so that B < C < D.',
  SCORING_OLDEST_OVERDUE_ORDER:
    '{file}: {jsonPath}: warningDays ({warningDays}) must not be greater than criticalDays ({criticalDays}). Lower warningDays or raise criticalDays.',
  SCORING_DEBTOR_STEP_FROM:
    '{file}: {jsonPath}: a step with "scope": "debtor" has no due date to count from, so it needs "from": "asOf". Add "from": "asOf", or use "scope": "invoice".',
  SCORE_NO_DEBTORS: 'No invoice is dated on or before the as-of date {asOf}, so there is no customer to score. Give a later --as-of, or check the invoice dates in the file.',
  SCORE_NO_INVOICES: 'No invoices to score: the import kept none of the rows. The warnings before this line give the reason (they are hidden by --quiet), and riskpay inspect lists every skipped row.',
  SCORE_NO_OPEN_INVOICES: 'No open invoices on {asOf}; customers are scored on their history only.',
  SCORE_MIXED_CURRENCIES:
    'Open balances are in {count} currencies ({currencies}), and the ranking compares their amounts as written, as if they were in one currency. Give exchange rates with --rates FILE (lines of currency,rate, with the base currency at rate 1) to rank them in one currency.',
  SCORE_PAYMENT_DATES_FROM_HISTORY:
    'The model has no payment-date part, so the expected payment dates of {invoices} invoices come from past delays.',
  PLAN_NOTHING_TO_DO: 'No actions to plan on {asOf}.',
  FORECAST_NO_OPEN_INVOICES: 'No open invoices on {asOf}, so no cash is expected.',
};

type ScoringMessageKey = keyof typeof en;

const sv: Record<ScoringMessageKey, string> = {
  GRADE_A: 'A: låg risk',
  GRADE_B: 'B: måttlig risk',
  GRADE_C: 'C: hög risk',
  GRADE_D: 'D: mycket hög risk',

  FLAG_PAYMENTS_SLOWING:
    'Betalningarna blir långsammare: i snitt {recentDaysLate} dagar för sent på de senaste {recentCount} betalda fakturorna, mot {earlierDaysLate} dagar på de {earlierCount} dessförinnan (+{trendDays} dagar)',
  FLAG_PAYMENTS_SLOWING_FROM_EARLY:
    'Betalningarna blir långsammare: i snitt {recentDaysLate} dagar för sent på de senaste {recentCount} betalda fakturorna, mot {earlierDaysEarly} dagar i förtid på de {earlierCount} dessförinnan (+{trendDays} dagar)',
  FLAG_PAYMENTS_SLOWING_BOTH_EARLY:
    'Betalningarna blir långsammare: i snitt {recentDaysEarly} dagar i förtid på de senaste {recentCount} betalda fakturorna, mot {earlierDaysEarly} dagar i förtid på de {earlierCount} dessförinnan (+{trendDays} dagar)',
  FLAG_FIRST_LATE_PAYMENT: 'Första sena betalningen efter en period utan förseningar: betald {lastDaysLate} dagar för sent efter {cleanRun} fakturor betalda i tid',
  FLAG_PARTIAL_PAYMENTS: 'Delbetalningar: {partialCount} fakturor bara delvis betalda ({partialPercent} % av de {paidInvoices} fakturor som fått en betalning)',
  FLAG_BALANCE_GROWING: 'Växande saldo: öppet saldo {openBalance} {currency} är {ratio} gånger det vanliga {usualBalance} {currency}',
  FLAG_AGING_ROLLOVER:
    'Saldot glider över i äldre åldersintervall: {over30Now} {currency} är mer än 30 dagar förfallet, mot {over30MonthAgo} {currency} för en månad sedan ({over90Now} {currency} mer än 90 dagar, mot {over90MonthAgo} {currency})',
  FLAG_OLDEST_OVERDUE: 'Äldsta fakturan är {oldestOverdueDays} dagar förfallen, över gränsen på {limitDays} dagar ({overdueBalance} {currency} förfallet totalt)',
  FLAG_LARGE_NEW_EXPOSURE:
    'Stor ny exponering: öppet saldo {openBalance} {currency} ({sharePercent} % av kundfordringarna) hos en kund med bara {settledCount} betalda fakturor hittills',
  FLAG_LARGE_NEW_EXPOSURE_ONE:
    'Stor ny exponering: öppet saldo {openBalance} {currency} ({sharePercent} % av kundfordringarna) hos en kund med bara 1 betald faktura hittills',
  FLAG_LARGE_NEW_EXPOSURE_NONE:
    'Stor ny exponering: öppet saldo {openBalance} {currency} ({sharePercent} % av kundfordringarna) hos en kund som inte har betalat någon faktura än',
  FLAG_CONCENTRATION: 'Koncentration: kunden står för {sharePercent} % av alla öppna kundfordringar ({openBalance} {currency})',
  FLAG_NO_RECENT_PAYMENT:
    'Ingen betalning på {daysSinceLastPayment} dagar, fast kunden brukar betala var {usualGapDays}:e dag ({overdueBalance} {currency} förfallet)',
  FLAG_CREDIT_NOTES_RISING: 'Fler kreditfakturor: {last90Days} de senaste 90 dagarna, mot {earlierPer90Days} per 90 dagar tidigare',
  FLAG_DISPUTES_RISING: 'Fler bestridda fakturor: {last90Days} de senaste 90 dagarna, mot {earlierPer90Days} per 90 dagar tidigare',

  REASON_ALREADY_LATE: 'faktura {invoiceId} är redan försenad: obetald {daysOverdue} dagar efter förfallodagen, över gränsen för sen betalning på {lateAfterDays} dagar',
  REASON_ALREADY_LATE_ONE_DAY: 'faktura {invoiceId} är redan försenad: obetald 1 dag efter förfallodagen, över gränsen för sen betalning på {lateAfterDays} dagar',
  REASON_ALREADY_LATE_INVOICES:
    '{count} öppna fakturor är redan försenade: obetalda mer än {lateAfterDays} dagar efter förfallodagen ({balance} {currency} totalt)',
  REASON_NO_HISTORY: 'ingen betalningshistorik ännu',
  REASON_NO_PAYMENTS_OVERDUE: 'ingen faktura betald ännu; {overdueCount} öppna fakturor är förfallna, den äldsta sedan {oldestOverdueDays} dagar',
  REASON_NO_PAYMENTS_OVERDUE_ONE: 'ingen faktura betald ännu; 1 öppen faktura förföll för {oldestOverdueDays} dagar sedan',
  REASON_SHORT_HISTORY: 'kort betalningshistorik: {settledCount} betalda fakturor hittills',
  REASON_SHORT_HISTORY_ONE: 'kort betalningshistorik: 1 betald faktura hittills',
  REASON_PAID_HISTORY: '{count} betalda fakturor, varav {lateCount} efter förfallodagen',
  REASON_PAID_HISTORY_ONE: '1 betald faktura hittills',
  REASON_FEW_RECENT_PAYMENTS: 'få betalningar på senare tid: fakturor betalda de senaste 365 dagarna: {settledLast365}',
  REASON_VOLUME_CHANGE: '{ratio} gånger den vanliga faktureringsvolymen de senaste 90 dagarna',
  REASON_RECENT_LATENESS: 'i snitt {daysLate} dagar för sent på de senaste {count} betalda fakturorna',
  REASON_RECENT_LATENESS_ONE_DAY: 'i snitt 1 dag för sent på de senaste {count} betalda fakturorna',
  REASON_LAST_PAYMENT_LATE: 'den senast betalda fakturan betalades {daysLate} dagar för sent',
  REASON_LAST_PAYMENT_LATE_ONE_DAY: 'den senast betalda fakturan betalades 1 dag för sent',
  REASON_LATE_HISTORY: 'i snitt {daysLate} dagar för sent på {count} betalda fakturor, som mest {maxDaysLate} dagar för sent',
  REASON_LATE_HISTORY_ONE_DAY: 'i snitt 1 dag för sent på {count} betalda fakturor, som mest {maxDaysLate} dagar för sent',
  REASON_LATE_AT_WORST: 'i snitt i tid på {count} betalda fakturor, men som mest {maxDaysLate} dagar för sent',
  REASON_LATE_AT_WORST_ONE_DAY: 'i snitt i tid på {count} betalda fakturor, men som mest 1 dag för sent',
  REASON_LATE_SHARE: '{lateCount} av {count} betalda fakturor betalades efter förfallodagen ({latePercent} %)',
  REASON_LATE_SHARE_ONE: 'den enda betalda fakturan betalades efter förfallodagen',
  REASON_PAYMENTS_SLOWING:
    'i snitt {recentDaysLate} dagar för sent på de senaste {recentCount} betalda fakturorna, mot {earlierDaysLate} dagar på de {earlierCount} dessförinnan',
  REASON_PAYMENTS_SLOWING_FROM_EARLY:
    'i snitt {recentDaysLate} dagar för sent på de senaste {recentCount} betalda fakturorna, mot {earlierDaysEarly} dagar i förtid på de {earlierCount} dessförinnan',
  REASON_PAYMENTS_SLOWING_BOTH_EARLY:
    'i snitt {recentDaysEarly} dagar i förtid på de senaste {recentCount} betalda fakturorna, mot {earlierDaysEarly} dagar i förtid på de {earlierCount} dessförinnan',
  REASON_OVERDUE_NOW: '{overdueCount} öppna fakturor är förfallna, den äldsta sedan {oldestOverdueDays} dagar',
  REASON_OVERDUE_NOW_ONE: '1 öppen faktura förföll för {oldestOverdueDays} dagar sedan',
  REASON_OPEN_INVOICES: '{openCount} öppna fakturor',
  REASON_OPEN_INVOICES_ONE: '1 öppen faktura',
  REASON_AGING: '{over30Percent} % av det öppna saldot är mer än 30 dagar förfallet ({over30Balance} {currency})',
  REASON_BALANCE_OVER_USUAL: 'öppet saldo {openBalance} {currency} är {ratio} gånger det vanliga',
  REASON_BALANCE_OVER_TYPICAL: 'öppet saldo {openBalance} {currency} är {ratio} gånger en normal faktura',
  REASON_SHARE_OF_RECEIVABLES: 'står för {sharePercent} % av alla öppna kundfordringar',
  REASON_INVOICE_SIZE: 'faktura {invoiceId} är {ratio} gånger kundens vanliga fakturabelopp',
  REASON_INVOICE_AMOUNT: 'faktura {invoiceId} är på {amount} {currency}, nära kundens vanliga fakturabelopp på {usualAmount} {currency}',
  REASON_INVOICE_AMOUNT_FIRST: 'faktura {invoiceId} är på {amount} {currency} och är kundens första faktura, så det finns inget vanligt belopp att jämföra med',
  REASON_INVOICE_OVERDUE: 'faktura {invoiceId} förföll för {daysOverdue} dagar sedan',
  REASON_INVOICE_OVERDUE_ONE_DAY: 'faktura {invoiceId} förföll för 1 dag sedan',
  REASON_INVOICE_AGE: 'faktura {invoiceId} är fortfarande obetald {ageDays} dagar efter fakturadatumet och förfaller {dueDate}',
  REASON_INVOICE_AGE_ONE_DAY: 'faktura {invoiceId} är fortfarande obetald 1 dag efter fakturadatumet och förfaller {dueDate}',
  REASON_INVOICE_PART_PAID: 'faktura {invoiceId} är bara till {paidPercent} % betald',
  REASON_PAYMENT_TERMS: 'faktura {invoiceId} har {termsDays} dagars betalningsvillkor, och fakturor med sådana villkor betalas oftare för sent',
  REASON_DUE_ON_MONDAY: 'faktura {invoiceId} förfaller en måndag ({dueDate}), och fakturor som förfaller på måndagar betalas oftare för sent',
  REASON_DUE_ON_TUESDAY: 'faktura {invoiceId} förfaller en tisdag ({dueDate}), och fakturor som förfaller på tisdagar betalas oftare för sent',
  REASON_DUE_ON_WEDNESDAY: 'faktura {invoiceId} förfaller en onsdag ({dueDate}), och fakturor som förfaller på onsdagar betalas oftare för sent',
  REASON_DUE_ON_THURSDAY: 'faktura {invoiceId} förfaller en torsdag ({dueDate}), och fakturor som förfaller på torsdagar betalas oftare för sent',
  REASON_DUE_ON_FRIDAY: 'faktura {invoiceId} förfaller en fredag ({dueDate}), och fakturor som förfaller på fredagar betalas oftare för sent',
  REASON_DUE_ON_SATURDAY: 'faktura {invoiceId} förfaller en lördag ({dueDate}), och fakturor som förfaller på lördagar betalas oftare för sent',
  REASON_DUE_ON_SUNDAY: 'faktura {invoiceId} förfaller en söndag ({dueDate}), och fakturor som förfaller på söndagar betalas oftare för sent',
  REASON_DUE_AT_MONTH_END: 'faktura {invoiceId} förfaller i slutet av en månad ({dueDate}), och fakturor som förfaller då betalas oftare för sent',
  REASON_DUE_DAY_OF_MONTH: 'faktura {invoiceId} förfaller dag {dayOfMonth} i månaden ({dueDate}), och fakturor som förfaller då betalas oftare för sent',
  REASON_ISSUED_AT_MONTH_END: 'faktura {invoiceId} ställdes ut i slutet av en månad ({issueDate}), och sådana fakturor betalas oftare för sent',
  REASON_PARTIAL_PAYMENTS: '{partialPercent} % av fakturorna med en betalning betalades först bara delvis',
  REASON_CREDIT_NOTES: 'kreditfakturor de senaste 90 dagarna: {last90Days} ({before} tidigare)',
  REASON_DISPUTES: 'bestridda fakturor de senaste 90 dagarna: {last90Days} ({before} tidigare)',
  REASON_PAYMENT_GAP: 'ingen betalning på {days} dagar, fast kunden brukar betala var {usualGapDays}:e dag',
  REASON_DAYS_SINCE_PAYMENT: 'ingen betalning på {days} dagar',
  REASON_NO_PAYMENT_YET: 'ingen betalning mottagen ännu',
  REASON_EXTRA_COLUMN: 'faktura {invoiceId}: {column} är {value}',
  REASON_EXTRA_COLUMN_MEAN: '{column} är i snitt {value} på kundens tidigare fakturor',
  REASON_EXTRA_SAME_VALUE: 'faktura {invoiceId}: kundens fakturor med samma värde i {column} betalades i snitt {daysLate} dagar för sent',
  REASON_EXTRA_SAME_VALUE_NEW: 'en typisk ny faktura: kundens betalda fakturor, oavsett {column}, betalades i snitt {daysLate} dagar för sent',
  REASON_EXTRA_ADJUSTED_LATE: 'faktura {invoiceId}: kundens vanliga dröjsmål, justerat för fakturans {columns}, pekar på betalning {days} dagar efter förfallodagen',
  REASON_EXTRA_ADJUSTED_EARLY: 'faktura {invoiceId}: kundens vanliga dröjsmål, justerat för fakturans {columns}, pekar på betalning {days} dagar före förfallodagen',
  REASON_EXTRA_ADJUSTED_PROBABILITY: 'faktura {invoiceId}: enbart utifrån kundens vanliga dröjsmål och fakturans {columns} är risken för sen betalning {percent} %',
  REASON_EXTRA_ADJUSTED_LATE_NEW: 'en typisk ny faktura: kundens vanliga dröjsmål, justerat för fakturans {columns}, pekar på betalning {days} dagar efter förfallodagen',
  REASON_EXTRA_ADJUSTED_EARLY_NEW: 'en typisk ny faktura: kundens vanliga dröjsmål, justerat för fakturans {columns}, pekar på betalning {days} dagar före förfallodagen',
  REASON_EXTRA_ADJUSTED_PROBABILITY_NEW: 'en typisk ny faktura: enbart utifrån kundens vanliga dröjsmål och fakturans {columns} är risken för sen betalning {percent} %',
  REASON_EXTRA_ADJUSTED_SPREAD: 'kundens betalningsdagar varierar med ungefär {days} dagar kring det vanliga dröjsmålet',
  REASON_LARGE_BALANCE: 'stort öppet saldo: {openBalance} {currency}',
  REASON_OTHER_PATTERN: 'andra mönster i betalningshistoriken',

  ACTION_FRIENDLY_REMINDER: 'Vänlig påminnelse före förfallodagen',
  ACTION_REMINDER: 'Betalningspåminnelse',
  ACTION_PHONE_CALL: 'Ring kunden',
  ACTION_PAYMENT_PLAN: 'Erbjud en avbetalningsplan',
  ACTION_STOP_CREDIT: 'Stoppa ny kredit',
  ACTION_REQUEST_PREPAYMENT: 'Begär förskottsbetalning för nya order',
  ACTION_COLLECTION: 'Lämna över till inkasso',
  ACTION_REVIEW_CREDIT_LIMIT: 'Se över kreditgränsen',
  ACTION_RESOLVE_DISPUTES: 'Kontakta kunden för att reda ut bestridanden och kreditfakturor',

  CHANNEL_EMAIL: 'e-post',
  CHANNEL_SMS: 'sms',
  CHANNEL_PHONE: 'telefon',
  CHANNEL_LETTER: 'brev',
  CHANNEL_INTERNAL: 'internt',

  VALUE_DUE_IN_DAYS: 'förfaller om {count} dagar',
  VALUE_DUE_IN_DAYS_ONE: 'förfaller om 1 dag',

  PAYMENT_DATE_SOURCE_MODEL: 'enligt modellen för betalningsdatum',
  PAYMENT_DATE_SOURCE_CUSTOMER_HISTORY: 'enligt kundens vanliga försening',
  PAYMENT_DATE_SOURCE_PORTFOLIO: 'enligt alla kunders vanliga försening (kunden saknar historik)',

  SCORE_FEATURE_COUNT_MISMATCH:
    'Modellen väntar sig {expected} variabler per rad men fick {actual}. Träna om modellen på den här filen eller använd en modell byggd för de här kolumnerna.',
  SCORE_MISSING_EXTRA_COLUMN:
    'Modellen tränades med extrakolumnerna {columns}, men den här körningen läste inte in {missing}. Lägg till {fix}, stavat som här, eller träna en modell utan --extra.',
  SCORE_MODEL_AFTER_AS_OF:
    'Modellen tränades på uppgifter fram till {trainedUntil}, efter bedömningsdagen {asOf}, så den har sett hur en del av fakturorna slutade. Träna med --as-of {asOf} för en rättvis bild av den dagen.',
  SCORE_AS_OF_AFTER_DATA:
    'Bedömningsdagen blev dagens datum, {asOf}, som ligger {days} dagar efter det senaste faktura- eller betaldatumet i indata ({latest}). Öppna fakturor räknas som förfallna fram till i dag och kan därför se betydligt mer försenade ut än de är. Om filen är en äldre export, ange {fix}.',
  SCORE_EXTRA_COLUMNS_UNUSED: 'Modellen läser inte extrakolumnerna {columns}, så de användes inte. Träna en modell med {fix} för att använda dem.',
  SCORING_CONFIG_INVALID: 'Ogiltig bedömningsinställning {setting} i konfigurationsfilen: {problem}. Rätta eller ta bort den för att använda standardvärdet.',
  SCORING_GRADE_CUTS_NOT_RISING:
    '{file}: {jsonPath}: gränserna för riskklasserna måste stiga från B till C till D, men de är B {B}, C {C} och D {D} (en gräns som inte anges har sitt standardvärde). Ändra dem så att B < C < D.',
  SCORING_OLDEST_OVERDUE_ORDER:
    '{file}: {jsonPath}: warningDays ({warningDays}) får inte vara större än criticalDays ({criticalDays}). Sänk warningDays eller höj criticalDays.',
  SCORING_DEBTOR_STEP_FROM:
    '{file}: {jsonPath}: ett steg med "scope": "debtor" har inget förfallodatum att räkna från, så det behöver "from": "asOf". Lägg till "from": "asOf", eller använd "scope": "invoice".',
  SCORE_NO_DEBTORS: 'Ingen faktura är daterad senast på bedömningsdagen {asOf}, så det finns ingen kund att bedöma. Ange ett senare --as-of eller kontrollera fakturadatumen i filen.',
  SCORE_NO_INVOICES: 'Inga fakturor att bedöma: inläsningen behöll ingen av raderna. Varningarna före den här raden anger orsaken (de döljs av --quiet), och riskpay inspect listar varje överhoppad rad.',
  SCORE_NO_OPEN_INVOICES: 'Inga öppna fakturor den {asOf}; kunderna bedöms bara på sin historik.',
  SCORE_MIXED_CURRENCIES:
    'Öppna saldon finns i {count} valutor ({currencies}), och rangordningen jämför beloppen som de står, som om de vore i en och samma valuta. Ange växelkurser med --rates FIL (rader med valuta,kurs, där basvalutan har kursen 1) för att rangordna dem i en valuta.',
  SCORE_PAYMENT_DATES_FROM_HISTORY:
    'Modellen saknar en del för betalningsdatum, så väntade betalningsdatum för {invoices} fakturor bygger på tidigare förseningar.',
  PLAN_NOTHING_TO_DO: 'Inga åtgärder att planera den {asOf}.',
  FORECAST_NO_OPEN_INVOICES: 'Inga öppna fakturor den {asOf}, så inga inbetalningar väntas.',
};

export const scoringMessages = { en, sv };
