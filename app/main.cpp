// kafkascope: the window, or a headless run of the demo cluster (see cli.cpp for the commands).

#include "assigncmd.h"
#include "cli.h"
#include "dumplog.h"
#include "partitioncmd.h"
#include "scenario/demo_scenario.h"
#include "cluster/report.h"
#include "model/scenariofile.h"
#include "model/simulationcontroller.h"
#include "scenario/scenario_runner.h"
#include "views/language.h"
#include "views/mainwindow.h"
#include "views/partitionlogscene.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace {

QStringList argumentsOf(int argc, char **argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Kafkascope"));
    QCoreApplication::setApplicationName(QStringLiteral("Kafkascope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KAFKASCOPE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.kafkascope.Kafkascope"));
}

// Headless runs use Qt's offscreen platform, which warns about things that do not matter
// without a screen; those two lines are dropped, everything else is printed as usual.
void quietOffscreenMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("propagateSizeHints")) || message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")))
        return;
    std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
}

// The scenario file the command line names (a --lesson's is in the resources); nothing (after
// saying why) when the lesson does not exist.
std::optional<QString> scenarioPathOf(const CommandLine &cl)
{
    if (cl.lesson.isEmpty())
        return cl.scenarioPath;
    const auto lesson = findLesson(cl.lesson);
    if (!lesson) {
        std::fprintf(stderr, "kafkascope: --lesson: no built-in lesson '%s' (kafkascope --lessons lists them)\n",
                     qPrintable(cl.lesson));
        return std::nullopt;
    }
    return lesson->path;
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QStringLiteral("could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

int runHeadless(const CommandLine &cl, int &argc, char **argv)
{
    QApplication app(argc, argv);
    setApplicationInfo();
    Language language;
    language.apply(cl.language.value_or(Language::systemDefault()), false);

    // The cluster: the built-in demo, or the scenario's.
    std::optional<kafkascope::Scenario> scenario;
    const auto resolved = scenarioPathOf(cl);
    if (!resolved)
        return 2;
    const QString scenarioPath = *resolved;
    const QString scenarioName = QFileInfo(scenarioPath).fileName();
    if (!scenarioPath.isEmpty()) {
        ScenarioFile file = readScenarioFile(scenarioPath, scenarioPath.startsWith(QLatin1Char(':')) ? scenarioName : scenarioPath);
        for (const QString &w : std::as_const(file.warnings))
            std::fprintf(stderr, "%s\n", qPrintable(w));
        const bool unreadable = !file.scenario && file.errors.size() == 1 && file.errors.front().contains(QLatin1String(": cannot read"));
        for (const QString &e : std::as_const(file.errors))
            std::fprintf(stderr, "%s%s\n", unreadable ? "kafkascope: " : "", qPrintable(e));
        if (!file.scenario) {
            if (!unreadable)
                std::fprintf(stderr, "kafkascope: %s: %lld error(s); nothing was run\n", qPrintable(scenarioPath),
                             static_cast<long long>(file.errors.size()));
            return 2;
        }
        scenario = std::move(file.scenario);
    }
    std::unique_ptr<kafkascope::Cluster> cluster0 = std::make_unique<kafkascope::Cluster>(cl.seed);
    if (!scenario) {
        if (!cl.dataDir.isEmpty()) {
            if (auto st = cluster0->setDataDirectory(cl.dataDir.toStdString()); !st.isOk()) {
                std::fprintf(stderr, "kafkascope: --data-dir: %s\n", st.message().c_str());
                return st.code() == kafkascope::Status::Code::IoError ? 1 : 2;
            }
        }
        if (auto st = kafkascope::populateDemoCluster(*cluster0); !st.isOk()) {
            std::fprintf(stderr, "kafkascope: cannot set up the demo cluster: %s\n", st.message().c_str());
            return 1;
        }
    }
    SimulationController controller(std::move(cluster0));
    MainWindow window(&controller, &language);
    window.resize(1500, 950);
    window.applyAppearanceOptions(cl.theme, cl.presenter, false);
    window.scene()->setAnimationsEnabled(false); // a still picture: no dots frozen in mid-flight
    window.show();
    if (scenario) {
        // The window plays the scenario as it would on screen (the Lesson dock shows it).
        const auto st = controller.loadScenario(*scenario, cl.seedGiven ? std::optional<std::uint64_t>(cl.seed) : std::nullopt,
                                                cl.dataDir.toStdString());
        if (!st.isOk()) {
            std::fprintf(stderr, "kafkascope: %s: %s\n", qPrintable(scenarioPath), st.message().c_str());
            return st.code() == kafkascope::Status::Code::IoError ? 1 : 2;
        }
    }
    const kafkascope::SimTime until = scenario && !cl.untilGiven ? scenario->end() : kafkascope::SimTime::fromMillis(cl.untilMs);
    controller.advanceTo(until);
    if (!cl.showDock.isEmpty())
        window.showDock(cl.showDock);
    QCoreApplication::processEvents();

    const kafkascope::Cluster &cluster = controller.cluster();
    qint64 records = 0;
    int partitions = 0;
    for (const auto &[name, topic] : cluster.topics()) {
        partitions += topic.partitionCount();
        for (std::int32_t p = 0; p < topic.partitionCount(); ++p)
            records += topic.partition(kafkascope::PartitionId{p}).logEndOffset()
                - topic.partition(kafkascope::PartitionId{p}).logStartOffset();
    }
    std::printf("Ran %s to %s (seed %llu): %lld records in %d partitions, state hash %s.\n",
                scenario ? qPrintable(QStringLiteral("the scenario %1").arg(scenarioName)) : "the demo cluster",
                kafkascope::formatSimTime(cluster.now()).c_str(), static_cast<unsigned long long>(cluster.seed()),
                static_cast<long long>(records), partitions, cluster.stateHash().hex().c_str());

    int rc = 0;
    if (scenario) {
        const std::string fileName = (scenarioPath.startsWith(QLatin1Char(':')) ? scenarioName : scenarioPath).toStdString();
        const auto failures = controller.scenarioActionFailures();
        const auto results = controller.checkpointResults();
        for (const auto &f : failures) {
            std::fprintf(stderr, "%s\n",
                         kafkascope::ScenarioDiagnostic{f.action->position, f.action->path,
                                                        std::string(kafkascope::actionName(f.action->kind)) + " at "
                                                            + kafkascope::formatSimTime(f.action->at) + " failed: " + f.message}
                             .format(fileName)
                             .c_str());
        }
        for (const auto &r : results) {
            const auto &e = *r.expectation;
            std::printf("  %s %s  %s (%s:%d): %s%s\n", r.passed ? "PASS" : "FAIL", kafkascope::formatSimTime(e.at).c_str(),
                        e.path.c_str(), qPrintable(scenarioName), e.position.line, r.expected.c_str(),
                        r.passed ? "" : ("; found " + r.found).c_str());
        }
        const std::size_t total = results.size();
        const std::size_t failed = static_cast<std::size_t>(
            std::count_if(results.begin(), results.end(), [](const kafkascope::ExpectationResult &r) { return !r.passed; }));
        const std::size_t notReached = scenario->expectations.size() - total;
        std::printf("Expectations: %zu of %zu hold%s%s.\n", total - failed, scenario->expectations.size(),
                    failed ? qPrintable(QStringLiteral(", %1 failed").arg(failed)) : "",
                    notReached ? qPrintable(QStringLiteral(", %1 not reached before %2 (--until)")
                                                .arg(notReached)
                                                .arg(QString::fromStdString(kafkascope::formatSimTime(until))))
                               : "");
        if (!failures.empty())
            rc = 2;
        else if (failed > 0)
            rc = 1;
    }
    if (!cl.dataDir.isEmpty()) {
        const kafkascope::Status flushed = controller.flushStorage();
        const kafkascope::Status &stored = cluster.storageError().isOk() ? flushed : cluster.storageError();
        if (stored.isOk()) {
            std::printf("Data:       %s (Kafka's log format; try kafkascope dump-log %s)\n",
                        qPrintable(QFileInfo(cl.dataDir).absoluteFilePath()), qPrintable(cl.dataDir));
        } else {
            std::fprintf(stderr, "kafkascope: --data-dir: %s\n", stored.message().c_str());
            rc = 1;
        }
    }
    if (!cl.reportPath.isEmpty()) {
        QString error;
        const std::string json = kafkascope::clusterReportJson(cluster, KAFKASCOPE_VERSION);
        if (writeFile(cl.reportPath, QByteArray::fromStdString(json), &error)) {
            std::printf("Report:     %s\n", qPrintable(QFileInfo(cl.reportPath).absoluteFilePath()));
        } else {
            std::fprintf(stderr, "kafkascope: --report: %s\n", qPrintable(error));
            rc = 1;
        }
    }
    if (!cl.screenshotPath.isEmpty()) {
        const QString error = window.saveScreenshot(cl.screenshotPath);
        if (error.isEmpty()) {
            std::printf("Screenshot: %s\n", qPrintable(QFileInfo(cl.screenshotPath).absoluteFilePath()));
        } else {
            std::fprintf(stderr, "kafkascope: --screenshot: %s\n", qPrintable(error));
            rc = 1;
        }
    }
    std::fflush(stdout);
    return rc;
}

bool haveDisplay()
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return true; // the user chose a platform (offscreen, vnc, …)
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

} // namespace

int main(int argc, char **argv)
{
    const ParseResult parsed = parseCommandLine(argumentsOf(argc, argv));
    if (!parsed.commandLine) {
        std::fprintf(stderr, "kafkascope: %s\n", qPrintable(parsed.error));
        return 2;
    }
    const CommandLine &cl = *parsed.commandLine;
    spdlog::set_level(spdlog::level::warn);

    switch (cl.mode) {
    case CommandLine::Mode::Help:
        std::fputs(qPrintable(usageText()), stdout);
        return 0;
    case CommandLine::Mode::Version:
        std::printf("kafkascope %s\n", KAFKASCOPE_VERSION);
        return 0;
    case CommandLine::Mode::Partition: {
        PartitionOptions options;
        options.partitions = cl.partitions;
        options.json = cl.json;
        options.hex = cl.hexKeys;
        options.keys = cl.keys;
        return runPartition(options);
    }
    case CommandLine::Mode::Assign: {
        AssignOptions options;
        options.inputPath = cl.assignInput;
        options.json = cl.json;
        return runAssign(options);
    }
    case CommandLine::Mode::DumpLog: {
        DumpLogOptions options;
        for (const QString &p : cl.dumpPaths)
            options.paths.push_back(p.toStdString());
        options.json = cl.json;
        options.verify = cl.verify;
        return runDumpLog(options);
    }
    case CommandLine::Mode::Run:
        // No display needed: render offscreen, whatever the environment says.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qInstallMessageHandler(quietOffscreenMessages);
        return runHeadless(cl, argc, argv);
    case CommandLine::Mode::Lessons: {
        QCoreApplication app(argc, argv);
        for (const BuiltInLesson &lesson : builtInLessons())
            std::printf("%-34s %s\n                                   %s\n", qPrintable(lesson.id), lesson.title.en.c_str(),
                        lesson.title.ko.c_str());
        std::printf("\nPlay one: kafkascope --lesson ID   (headless: kafkascope run --lesson ID)\n");
        return 0;
    }
    case CommandLine::Mode::Gui:
        break;
    }

    if (!haveDisplay()) {
        std::fprintf(stderr,
                     "kafkascope: no display to open the window on (DISPLAY is not set).\n"
                     "  Run the demo headless instead:  kafkascope run --screenshot demo.png --report demo.json\n"
                     "  or start a virtual display:     xvfb-run -a kafkascope\n");
        return 2;
    }

    QApplication app(argc, argv);
    setApplicationInfo();
    Language language;
    language.apply(cl.language.value_or(Language::saved()), !cl.language.has_value());

    SimulationController controller(kafkascope::makeDemoCluster(kafkascope::kDefaultSeed));
    controller.setSessionOrigin(kafkascope::demoScenario(kafkascope::kDefaultSeed)); // the same cluster, as a scenario
    MainWindow window(&controller, &language);
    window.restoreLayout();
    window.applyAppearanceOptions(cl.theme, cl.presenter, true);
    window.show();
    const auto resolved = scenarioPathOf(cl);
    if (!resolved)
        return 2;
    const QString scenarioPath = *resolved;
    if (!scenarioPath.isEmpty()) {
        if (const QString error = window.openScenario(scenarioPath); !error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
    }
    controller.play();
    return QApplication::exec();
}
