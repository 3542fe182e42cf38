#pragma once

#include <QColor>
#include <QString>

// The colour of a record key, the same everywhere in the app and from run to run: the hue comes
// from the key's murmur2 hash (golden-ratio spread), so different keys rarely look alike.
namespace KeyColors {
QColor forKey(const QString &key);
QColor forNullKey();
// A readable text colour on top of `background`.
QColor textOn(const QColor &background);
} // namespace KeyColors
