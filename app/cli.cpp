#include "cli.h"

#include "core/duration.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace {

// Splits "--name=value" and "--name value"; `i` moves past what was used.
std::optional<QString> takeValue(const QStringList &args, int &i, const QString &name, QString *error)
{
    const QString &arg = args[i];
    const qsizetype eq = arg.indexOf(QLatin1Char('='));
    if (eq >= 0)
        return arg.mid(eq + 1);
    if (i + 1 >= args.size() || args[i + 1].startsWith(QLatin1String("--"))) {
        *error = QStringLiteral("%1: missing value").arg(name);
        return std::nullopt;
    }
    return args[++i];
}

} // namespace

QString usageText()
{
    return QStringLiteral(
        "Usage:\n"
        "  kafkascope [SCENARIO | --lesson ID] [--lang ko|en] [--theme light|dark] [--presenter]\n"
        "      Open the Kafkascope window on the built-in demo cluster, or playing a scenario file\n"
        "      or a built-in lesson (ID: its number or name; kafkascope --lessons lists them).\n"
        "      --presenter starts in presenter mode (full screen, larger text, stronger contrast;\n"
        "      Esc leaves it).\n"
        "  kafkascope --lessons\n"
        "      List the built-in lessons.\n"
        "  kafkascope run [SCENARIO | --lesson ID] [--until DURATION] [--seed N] [--report FILE.json]\n"
        "                 [--screenshot FILE.png] [--show TAB] [--data-dir DIR] [--lang ko|en]\n"
        "                 [--theme light|dark] [--presenter]\n"
        "      Run the demo cluster (or the scenario file SCENARIO, docs/SCENARIOS.md) without a\n"
        "      display up to a simulated time (default 30s; a scenario's own end), then write a\n"
        "      JSON report of its state and a PNG of the window at that moment. A scenario's\n"
        "      expectations are checked: exit 0 when all hold, 1 when one fails (each is listed),\n"
        "      2 when the file is unusable (errors name file:line:column and the field).\n"
        "      --show brings a tab to the front for the screenshot: charts, events, rebalances,\n"
        "      inspector or lesson.\n"
        "      With --data-dir, partitions are kept on disk in Kafka's format under DIR\n"
        "      (DIR/broker-0/<topic>-<partition>/), which must be new or empty.\n"
        "  kafkascope partition --partitions N [--json] [--hex] KEY...\n"
        "      The partition Kafka's producer picks for each key: toPositive(murmur2(key)) % N.\n"
        "      Keys are UTF-8 (--hex: hex bytes); - reads keys from standard input, one a line.\n"
        "  kafkascope assign --input FILE [--json]\n"
        "      Run a consumer group assignor (range, roundrobin, sticky, cooperative-sticky) on\n"
        "      a group described in JSON (FILE, or - for standard input):\n"
        "        {\"assignor\": \"sticky\", \"partitions_per_topic\": {\"t\": 3},\n"
        "         \"members\": [{\"member_id\": \"c1\", \"topics\": [\"t\"], \"owned_partitions\": [\"t-0\"],\n"
        "                      \"generation\": 1, \"group_instance_id\": \"i1\"}]}\n"
        "      Prints one line per member (\"c1: t-0 t-1\"), and for cooperative-sticky the\n"
        "      partitions members must revoke first; --json prints {\"assignment\": {...},\n"
        "      \"revoking\": {...}}.\n"
        "  kafkascope dump-log [--json] [--verify] PATH...\n"
        "      Print the batches and records of Kafka log segments (.log files, .index and\n"
        "      .timeindex files, or folders of them), like Kafka's kafka-dump-log. --json prints\n"
        "      one JSON object per batch; --verify exits with 1 on any damage.\n"
        "  kafkascope --help | --version\n"
        "\n"
        "Durations are whole numbers with a unit: 250ms, 30s, 2m, 1h, 7d. The same --seed (default 42)\n"
        "gives the same run, byte for byte.\n"
        "\n"
        "Exit codes: 0 success, 1 a file could not be read or written (or, with --verify,\n"
        "is damaged; or a scenario's expectation failed), 2 bad arguments or an unusable\n"
        "scenario file.\n");
}

ParseResult parseCommandLine(const QStringList &args)
{
    CommandLine cl;
    QString error;
    int i = 0;
    if (!args.isEmpty() && !args[0].startsWith(QLatin1Char('-'))) {
        if (args[0] == QLatin1String("run")) {
            cl.mode = CommandLine::Mode::Run;
            i = 1;
        } else if (args[0] == QLatin1String("partition")) {
            cl.mode = CommandLine::Mode::Partition;
            i = 1;
        } else if (args[0] == QLatin1String("assign")) {
            cl.mode = CommandLine::Mode::Assign;
            i = 1;
        } else if (args[0] == QLatin1String("dump-log")) {
            cl.mode = CommandLine::Mode::DumpLog;
            i = 1;
        } else if (!args[0].endsWith(QLatin1String(".json"), Qt::CaseInsensitive) && !QFileInfo::exists(args[0])) {
            return {std::nullopt, QStringLiteral("unknown command '%1' (see kafkascope --help)").arg(args[0])};
        } // else the window, playing the scenario file args[0] (the loop below takes it)
    }
    const bool run = cl.mode == CommandLine::Mode::Run;
    const bool dump = cl.mode == CommandLine::Mode::DumpLog;
    const bool part = cl.mode == CommandLine::Mode::Partition;
    const bool assign = cl.mode == CommandLine::Mode::Assign;
    bool inputGiven = false;
    bool partitionsGiven = false;
    bool endOfOptions = false;

    for (; i < args.size(); ++i) {
        const QString &arg = args[i];
        const QString name = arg.section(QLatin1Char('='), 0, 0);
        if (part && (endOfOptions || !arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-"))) {
            cl.keys << arg;
            continue;
        }
        if (part && arg == QLatin1String("--")) {
            endOfOptions = true;
            continue;
        }
        if (part && arg == QLatin1String("--json")) {
            cl.json = true;
            continue;
        }
        if (part && arg == QLatin1String("--hex")) {
            cl.hexKeys = true;
            continue;
        }
        if (part && name == QLatin1String("--partitions")) {
            const auto v = takeValue(args, i, name, &error);
            if (!v)
                return {std::nullopt, error};
            bool ok = false;
            const int n = v->toInt(&ok);
            if (!ok || n < 1)
                return {std::nullopt, QStringLiteral("--partitions: '%1' is not a whole number of at least 1").arg(*v)};
            cl.partitions = n;
            partitionsGiven = true;
            continue;
        }
        if (assign && arg == QLatin1String("--json")) {
            cl.json = true;
            continue;
        }
        if (assign && name == QLatin1String("--input")) {
            const qsizetype eq = arg.indexOf(QLatin1Char('='));
            std::optional<QString> v;
            if (eq >= 0)
                v = arg.mid(eq + 1);
            else if (i + 1 < args.size() && (args[i + 1] == QLatin1String("-") || !args[i + 1].startsWith(QLatin1String("--"))))
                v = args[++i];
            if (!v)
                return {std::nullopt, QStringLiteral("--input: missing value")};
            if (v->isEmpty())
                return {std::nullopt, QStringLiteral("--input: the file name is empty")};
            cl.assignInput = *v;
            inputGiven = true;
            continue;
        }
        if (dump && (endOfOptions || !arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-"))) {
            cl.dumpPaths << arg;
            continue;
        }
        if (dump && arg == QLatin1String("--")) {
            endOfOptions = true;
            continue;
        }
        if (dump && arg == QLatin1String("--json")) {
            cl.json = true;
            continue;
        }
        if (dump && arg == QLatin1String("--verify")) {
            cl.verify = true;
            continue;
        }
        if (name == QLatin1String("--help") || name == QLatin1String("-h")) {
            cl.mode = CommandLine::Mode::Help;
            return {cl, {}};
        }
        if (cl.mode == CommandLine::Mode::Gui && arg == QLatin1String("--lessons")) {
            cl.mode = CommandLine::Mode::Lessons;
            return {cl, {}};
        }
        if (name == QLatin1String("--version") || name == QLatin1String("-v")) {
            cl.mode = CommandLine::Mode::Version;
            return {cl, {}};
        }
        if (name == QLatin1String("--lang")) {
            const auto v = takeValue(args, i, name, &error);
            if (!v)
                return {std::nullopt, error};
            if (*v != QLatin1String("ko") && *v != QLatin1String("en"))
                return {std::nullopt, QStringLiteral("--lang: '%1' is not a language Kafkascope speaks (use ko or en)").arg(*v)};
            cl.language = *v;
        } else if ((run || cl.mode == CommandLine::Mode::Gui) && name == QLatin1String("--theme")) {
            const auto v = takeValue(args, i, name, &error);
            if (!v)
                return {std::nullopt, error};
            if (*v != QLatin1String("light") && *v != QLatin1String("dark"))
                return {std::nullopt, QStringLiteral("--theme: '%1' is not a theme (use light or dark)").arg(*v)};
            cl.theme = *v;
        } else if ((run || cl.mode == CommandLine::Mode::Gui) && arg == QLatin1String("--presenter")) {
            cl.presenter = true;
        } else if (run && name == QLatin1String("--until")) {
            const auto v = takeValue(args, i, name, &error);
            if (!v)
                return {std::nullopt, error};
            const QByteArray utf8 = v->toUtf8();
            const auto d = kafkascope::parseDuration(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
            if (!d.isOk())
                return {std::nullopt, QStringLiteral("--until: %1").arg(QString::fromStdString(d.status().message()))};
            cl.untilMs = d.value().millis();
            cl.untilGiven = true;
        } else if (run && name == QLatin1String("--seed")) {
            const auto v = takeValue(args, i, name, &error);
            if (!v)
                return {std::nullopt, error};
            bool ok = false;
            const qulonglong seed = v->toULongLong(&ok, 10);
            if (!ok || v->startsWith(QLatin1Char('+')) || v->startsWith(QLatin1Char('-')))
                return {std::nullopt, QStringLiteral("--seed: '%1' is not a whole number from 0 to 18446744073709551615").arg(*v)};
            cl.seed = seed;
            cl.seedGiven = true;
        } else if (run && name == QLatin1String("--report")) {
            const auto v = takeValue(args, i, name, &error);
            if (!v)
                return {std::nullopt, error};
            if (v->isEmpty())
                return {std::nullopt, QStringLiteral("--report: the file name is empty")};
            cl.reportPath = *v;
        } else if (run && name == QLatin1String("--data-dir")) {
            const auto v = takeValue(args, i, name, &error);
            if (!v)
                return {std::nullopt, error};
            if (v->isEmpty())
                return {std::nullopt, QStringLiteral("--data-dir: the directory name is empty")};
            cl.dataDir = *v;
        } else if (run && name == QLatin1String("--show")) {
            const auto v = takeValue(args, i, name, &error);
            if (!v)
                return {std::nullopt, error};
            static const QStringList docks{QStringLiteral("charts"), QStringLiteral("events"), QStringLiteral("rebalances"),
                                           QStringLiteral("inspector"), QStringLiteral("lesson")};
            if (!docks.contains(*v))
                return {std::nullopt, QStringLiteral("--show: '%1' is not a tab (use %2)").arg(*v, docks.join(QStringLiteral(", ")))};
            cl.showDock = *v;
        } else if (run && name == QLatin1String("--screenshot")) {
            const auto v = takeValue(args, i, name, &error);
            if (!v)
                return {std::nullopt, error};
            if (v->isEmpty())
                return {std::nullopt, QStringLiteral("--screenshot: the file name is empty")};
            cl.screenshotPath = *v;
        } else if ((run || cl.mode == CommandLine::Mode::Gui) && !arg.startsWith(QLatin1Char('-')) && cl.scenarioPath.isEmpty()
                   && cl.lesson.isEmpty()) {
            cl.scenarioPath = arg;
        } else if ((run || cl.mode == CommandLine::Mode::Gui) && name == QLatin1String("--lesson")) {
            const auto v = takeValue(args, i, name, &error);
            if (!v)
                return {std::nullopt, error};
            if (v->isEmpty() || !cl.scenarioPath.isEmpty())
                return {std::nullopt, v->isEmpty() ? QStringLiteral("--lesson: the lesson name is empty")
                                                   : QStringLiteral("--lesson: give a lesson or a scenario file, not both")};
            cl.lesson = *v;
        } else if (arg.startsWith(QLatin1Char('-'))) {
            return {std::nullopt, QStringLiteral("unknown option '%1'%2 (see kafkascope --help)")
                                      .arg(name, run || dump || part || assign ? QString() : QStringLiteral(" for the window"))};
        } else {
            return {std::nullopt, QStringLiteral("unexpected argument '%1' (see kafkascope --help)").arg(arg)};
        }
    }
    if (part && !partitionsGiven)
        return {std::nullopt, QStringLiteral("partition: --partitions N is required")};
    if (part && cl.keys.isEmpty())
        return {std::nullopt, QStringLiteral("partition: no KEY given (or - to read keys from standard input)")};
    if (assign && !inputGiven)
        return {std::nullopt, QStringLiteral("assign: --input FILE is required (- reads standard input)")};
    if (dump && cl.dumpPaths.isEmpty())
        return {std::nullopt, QStringLiteral("dump-log: no PATH given (a .log file or a folder of them)")};
    return {cl, {}};
}
