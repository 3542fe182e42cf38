#include "keycolors.h"

#include "client/murmur2.h"

#include <cmath>

namespace KeyColors {

QColor forKey(const QString &key)
{
    const QByteArray utf8 = key.toUtf8();
    const auto h = static_cast<std::uint32_t>(
        kafkascope::toPositive(kafkascope::murmur2(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())))));
    const double golden = 0.618033988749895;
    const double hue = std::fmod(static_cast<double>(h % 100003) * golden, 1.0);
    // Vary lightness a little by a second slice of the hash, for neighbouring hues.
    const int value = 215 + static_cast<int>((h >> 20) % 40);
    return QColor::fromHsv(static_cast<int>(hue * 359.0), 150, value);
}

QColor forNullKey()
{
    return QColor(0xb8, 0xbe, 0xc6);
}

QColor textOn(const QColor &background)
{
    const double luminance = 0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF();
    return luminance > 0.55 ? QColor(0x1d, 0x23, 0x2b) : QColor(Qt::white);
}

} // namespace KeyColors
