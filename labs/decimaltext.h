#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

// A number as PostgreSQL prints it (integers, numeric, float4/float8 in their shortest
// exact form: [-]digits[.digits][e±digits], NaN, Infinity, -Infinity), held exactly as
// sign, significant digits and exponent, so 9007199254740993 is not 9007199254740992 and
// 0.1000000000000000000001 is not 0.1, as doubles would have it. Compared as PostgreSQL
// sorts numbers: -Infinity < every finite value < Infinity < NaN, NaN = NaN, -0 = 0.
class DecimalText
{
public:
    static std::optional<DecimalText> parse(QByteArrayView text);

    static int compare(const DecimalText &a, const DecimalText &b);
    // |a - b| <= tolerance (finite, not negative), in decimal arithmetic; an infinity or NaN
    // only matches itself.
    static bool within(const DecimalText &a, const DecimalText &b, const DecimalText &tolerance);

    bool isFinite() const { return m_kind == Kind::Finite; }
    bool isNegative() const { return m_negative; }
    bool isZero() const { return m_kind == Kind::Finite && m_digits.isEmpty(); }

private:
    enum class Kind { NegativeInfinity, Finite, PositiveInfinity, NaN };

    Kind m_kind = Kind::Finite;
    bool m_negative = false;
    QByteArray m_digits; // significant digits, no leading or trailing zeros; empty for zero
    int m_exponent = 0;  // the value is 0.<digits> × 10^exponent
};
