import type { LanguageTemplates } from './genres.ts'

/** English-language documents as KZ operators keep them (slots: see render-template.ts and hard-negatives.ts). */
export const EN: LanguageTemplates = {
  support_ticket: {
    separator: '\n\n',
    oneSubject: false,
    body: [
      'Ticket {ticket} opened {date}. Customer {name} (IIN {iin}) cannot log in to the mobile app and asks to be called back at {phone}.',
      'Hi, this is {name}. My order {order} has not arrived yet, tracking number {tracking}. You can reach me at {email} or {phone}.',
      'Sign-in from {ip} (device {mac}) at {time} using app {version}; user {email} does not recognise it. Previous session from {ip6}.',
      'Customer reports a double charge of {price} on card {card}, transaction {code16} on {date}.',
      'Please update my phone number to {phone}. Regards, {name}',
      'Refund to {name}, card {card}, order {order}.',
    ],
  },
  contract: {
    separator: '\n\n',
    oneSubject: true,
    opening: ['SERVICE AGREEMENT {contract}\n{city}, {date}'],
    body: [
      '{company}, BIN {bin}, represented by its director {name2}, and {name}, IIN {iin}, passport {passport}, residing at {address}, have agreed as follows.',
      'Payment details: {company}, BIN {bin}, IBAN {iban}, {bankcode}. Client: {name}, IBAN {iban}, phone {phone}, e-mail {email}.',
      'The fee is {price}, VAT included, payable within ten banking days of signature and no later than {date}.',
      'Date of birth: {dob}. ID card no. {idcard}, issued on {date} by the Ministry of Internal Affairs.',
      'This agreement is effective from {date} until {date}.',
    ],
  },
  hr_note: {
    separator: '\n\n',
    oneSubject: true,
    body: [
      'HR note {date}: {name} joins the sales team on {date}. Date of birth {dob}, personal e-mail {email}, mobile {phone}.',
      'Employee record. Name: {name}; DOB: {dob}; IIN: {iin}; home address: {address}.',
      'Annual leave of {name} from {date} to {date} approved; {name2} covers.',
      '{name} was born on {dob} in {city}. Salary account {iban}.',
      'Identity card {idcard}, issued {date}.',
    ],
  },
  delivery_note: {
    separator: '\n\n',
    oneSubject: false,
    body: [
      'Delivery note {invoice}, {date}. Recipient: {name}, phone {phone}. Ship to: {address}, {postcode}. Item: {product}, total {price}.',
      'Courier {name2} delivered order {order} at {time}. Tracking {tracking}.',
      'Deliver to {address}, call {phone} one hour before.',
    ],
  },
  bank_statement: {
    separator: '\n',
    oneSubject: true,
    opening: ['Statement for account {iban}, {date} to {date}\nAccount holder: {name}, IIN {iin}\nDate;Operation;Details;Amount;Note'],
    body: [
      '{date};Card purchase;{company};-{price};card {masked}',
      '{date};Transfer;{name2};+{price};by phone number {phone}',
      '{date};Card transfer;{name2};-{price};{card}',
      '{date};Top-up;Terminal {terminal};+{price};',
      '{date};Payment;{company}, {bankcode};-{price};invoice {invoice}',
    ],
  },
  chat_log: {
    separator: '\n',
    oneSubject: true,
    body: [
      '[{time}] {name}: hi, my number is {phone}',
      '[{time}] Support: Thanks! Could you also send your IIN?',
      '[{time}] {name}: {iin}',
      '[{time}] {name}: my card is {card}, please refund {price}',
      '[{time}] {name}: address {address}',
      '[{time}] {name}: email me at {email}',
      '[{time}] Support: Order {order} is on its way, tracking {tracking}',
    ],
  },
  negatives: [
    'Order number {num12}, paid {price} on {date}.',
    'Invoice {invoice} dated {date}, amount {price}.',
    'Please update the app to version {version}.',
    'Our {city} branch is open from 9 am to 6 pm.',
    'Supplier: {company}, contract {contract} of {date}.',
    'Operation code {code16}, terminal {terminal}.',
    'Thank you for contacting us! We will reply within 24 hours.',
    'Card {masked} has been blocked at your request.',
    'Call centre: {service}.',
    'External reference {num12}.',
    'Total due: {price} by {date}.',
  ],
}
