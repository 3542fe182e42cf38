#include "partitioncmd.h"

#include "client/murmur2.h"
#include "core/json_writer.h"

#include <QByteArray>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace {

// Strict hex: an even number of [0-9a-fA-F], optionally with a 0x prefix; empty is the empty key.
bool parseHex(const QString &text, QByteArray *out)
{
    QString digits = text;
    if (digits.startsWith(QLatin1String("0x")) || digits.startsWith(QLatin1String("0X")))
        digits = digits.mid(2);
    if (digits.size() % 2 != 0)
        return false;
    for (const QChar c : digits)
        if (!c.isDigit() && !(c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f')))
            return false;
    *out = QByteArray::fromHex(digits.toLatin1());
    return true;
}

} // namespace

int runPartition(const PartitionOptions &options)
{
    QStringList keys;
    for (const QString &k : options.keys) {
        if (k != QLatin1String("-")) {
            keys << k;
            continue;
        }
        std::string line;
        while (std::getline(std::cin, line)) {
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            keys << QString::fromStdString(line);
        }
    }

    struct Answer {
        QString key;
        std::int32_t hash;
        std::int32_t partition;
    };
    std::vector<Answer> answers;
    for (int i = 0; i < keys.size(); ++i) {
        QByteArray bytes;
        if (options.hex) {
            if (!parseHex(keys[i], &bytes)) {
                std::fprintf(stderr, "kafkascope: partition: key %d '%s' is not hex (pairs of 0-9, a-f)\n", i + 1,
                             qPrintable(keys[i]));
                return 2;
            }
        } else {
            bytes = keys[i].toUtf8(); // Kafka's StringSerializer
        }
        const std::string_view view(bytes.constData(), static_cast<std::size_t>(bytes.size()));
        const std::int32_t hash = kafkascope::murmur2(view);
        answers.push_back({keys[i], hash, kafkascope::toPositive(hash) % options.partitions});
    }

    if (options.json) {
        kafkascope::JsonWriter w;
        w.beginArray();
        for (const Answer &a : answers) {
            const QByteArray key = a.key.toUtf8();
            w.beginObject();
            w.key("key").value(std::string_view(key.constData(), static_cast<std::size_t>(key.size())));
            w.key("partition").value(a.partition);
            w.key("murmur2").value(a.hash);
            w.endObject();
        }
        w.endArray();
        const std::string text = w.str();
        std::fwrite(text.data(), 1, text.size(), stdout);
    } else {
        for (const Answer &a : answers)
            std::printf("%s\t%d\n", a.key.toUtf8().constData(), a.partition);
    }
    std::fflush(stdout);
    return 0;
}
