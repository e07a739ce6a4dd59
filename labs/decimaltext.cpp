#include "decimaltext.h"

#include <algorithm>
#include <cctype>

namespace {
// Magnitudes as ASCII digit strings without leading zeros ("" is zero).
int compareMagnitudes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    const int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

QByteArray trimmed(QByteArray digits)
{
    qsizetype leading = 0;
    while (leading < digits.size() && digits.at(leading) == '0')
        ++leading;
    return digits.mid(leading);
}

QByteArray add(const QByteArray &a, const QByteArray &b)
{
    QByteArray sum;
    int carry = 0;
    for (qsizetype i = a.size() - 1, j = b.size() - 1; i >= 0 || j >= 0 || carry; --i, --j) {
        const int d = (i >= 0 ? a.at(i) - '0' : 0) + (j >= 0 ? b.at(j) - '0' : 0) + carry;
        sum.prepend(char('0' + d % 10));
        carry = d / 10;
    }
    return trimmed(sum);
}

// a - b for a >= b.
QByteArray subtract(const QByteArray &a, const QByteArray &b)
{
    QByteArray difference(a.size(), '0');
    int borrow = 0;
    for (qsizetype i = a.size() - 1, j = b.size() - 1; i >= 0; --i, --j) {
        int d = (a.at(i) - '0') - (j >= 0 ? b.at(j) - '0' : 0) - borrow;
        borrow = d < 0 ? 1 : 0;
        difference[i] = char('0' + d + 10 * borrow);
    }
    return trimmed(difference);
}
} // namespace

std::optional<DecimalText> DecimalText::parse(QByteArrayView text)
{
    QByteArrayView t = text.trimmed();
    DecimalText number;
    const bool hasSign = !t.isEmpty() && (t.front() == '-' || t.front() == '+');
    if (hasSign) {
        number.m_negative = t.front() == '-';
        t = t.sliced(1);
    }
    if (t.compare("NaN", Qt::CaseInsensitive) == 0) {
        if (hasSign)
            return std::nullopt;
        number.m_kind = Kind::NaN;
        return number;
    }
    if (t.compare("Infinity", Qt::CaseInsensitive) == 0 || t.compare("inf", Qt::CaseInsensitive) == 0) {
        number.m_kind = number.m_negative ? Kind::NegativeInfinity : Kind::PositiveInfinity;
        number.m_negative = false;
        return number;
    }
    QByteArray digits;
    qsizetype integerDigits = -1;
    qsizetype i = 0;
    for (; i < t.size() && (std::isdigit(static_cast<unsigned char>(t.at(i))) || t.at(i) == '.'); ++i) {
        if (t.at(i) == '.') {
            if (integerDigits >= 0)
                return std::nullopt;
            integerDigits = digits.size();
        } else {
            digits.append(t.at(i));
        }
    }
    if (digits.isEmpty())
        return std::nullopt;
    if (integerDigits < 0)
        integerDigits = digits.size();
    qint64 exponent = 0;
    if (i < t.size()) {
        if (t.at(i) != 'e' && t.at(i) != 'E')
            return std::nullopt;
        bool ok = false;
        exponent = t.sliced(i + 1).toLongLong(&ok);
        if (!ok || exponent > 1'000'000 || exponent < -1'000'000)
            return std::nullopt;
    }
    qsizetype leading = 0;
    while (leading < digits.size() && digits.at(leading) == '0')
        ++leading;
    digits = digits.mid(leading);
    while (!digits.isEmpty() && digits.back() == '0')
        digits.chop(1);
    number.m_digits = digits;
    number.m_exponent = int(integerDigits - leading + exponent);
    if (digits.isEmpty()) { // zero, whatever its sign and exponent
        number.m_negative = false;
        number.m_exponent = 0;
    }
    return number;
}

int DecimalText::compare(const DecimalText &a, const DecimalText &b)
{
    if (a.m_kind != b.m_kind)
        return int(a.m_kind) < int(b.m_kind) ? -1 : 1;
    if (a.m_kind != Kind::Finite)
        return 0;
    const int signA = a.isZero() ? 0 : (a.m_negative ? -1 : 1);
    const int signB = b.isZero() ? 0 : (b.m_negative ? -1 : 1);
    if (signA != signB)
        return signA < signB ? -1 : 1;
    if (signA == 0)
        return 0;
    int magnitude = 0;
    if (a.m_exponent != b.m_exponent) {
        magnitude = a.m_exponent < b.m_exponent ? -1 : 1;
    } else {
        const int c = a.m_digits.compare(b.m_digits); // same exponent: digit by digit, shorter first
        magnitude = c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    return signA * magnitude;
}

bool DecimalText::within(const DecimalText &a, const DecimalText &b, const DecimalText &tolerance)
{
    if (!a.isFinite() || !b.isFinite())
        return compare(a, b) == 0;
    if (tolerance.isZero() || !tolerance.isFinite())
        return compare(a, b) == 0;
    // All three as integers of one scale: digits × 10^(exponent - digit count - scale).
    const auto lowest = [](const DecimalText &d) { return d.m_exponent - int(d.m_digits.size()); };
    const int scale = std::min({lowest(a), lowest(b), lowest(tolerance)});
    const auto scaled = [scale](const DecimalText &d) {
        return d.isZero() ? QByteArray() : d.m_digits + QByteArray(d.m_exponent - int(d.m_digits.size()) - scale, '0');
    };
    const QByteArray ma = scaled(a);
    const QByteArray mb = scaled(b);
    QByteArray distance;
    if (a.m_negative == b.m_negative || a.isZero() || b.isZero())
        distance = compareMagnitudes(ma, mb) >= 0 ? subtract(ma, mb) : subtract(mb, ma);
    else
        distance = add(ma, mb);
    return compareMagnitudes(distance, scaled(tolerance)) <= 0;
}
