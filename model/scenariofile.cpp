#include "scenariofile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "scenario/scenario_writer.h"

using namespace kafkascope;

ScenarioFile readScenarioFile(const QString &path, const QString &shownName)
{
    ScenarioFile out;
    const QString name = shownName.isEmpty() ? path : shownName;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.errors << QStringLiteral("%1: cannot read the scenario: %2").arg(name, file.errorString());
        return out;
    }
    const QByteArray bytes = file.readAll();
    auto parsed = parseScenario(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    const std::string shown = name.toStdString();
    for (auto w : parsed.warnings) {
        w.message = "warning: " + w.message;
        out.warnings << QString::fromStdString(w.format(shown));
    }
    for (const auto &e : parsed.errors)
        out.errors << QString::fromStdString(e.format(shown));
    out.scenario = std::move(parsed.scenario);
    return out;
}

QString writeScenarioFile(const QString &path, const Scenario &scenario)
{
    const auto text = writeScenario(scenario);
    if (!text.isOk())
        return QStringLiteral("%1: %2").arg(path, QString::fromStdString(text.status().message()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: cannot write the scenario: %2").arg(path, file.errorString());
    const std::string &bytes = text.value();
    if (file.write(bytes.data(), static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size()) || !file.commit())
        return QStringLiteral("%1: cannot write the scenario: %2").arg(path, file.errorString());
    return {};
}

std::vector<BuiltInLesson> builtInLessons()
{
    std::vector<BuiltInLesson> lessons;
    const QDir dir(QStringLiteral(":/lessons"));
    for (const QString &f : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        BuiltInLesson lesson;
        lesson.path = dir.filePath(f);
        lesson.id = QFileInfo(f).completeBaseName();
        const ScenarioFile file = readScenarioFile(lesson.path);
        if (!file.scenario)
            continue; // tst_scenario keeps every built-in lesson valid
        lesson.title = file.scenario->title;
        lessons.push_back(std::move(lesson));
    }
    return lessons;
}

std::optional<BuiltInLesson> findLesson(const QString &id)
{
    bool numeric = false;
    const int number = id.toInt(&numeric);
    for (auto &lesson : builtInLessons()) {
        if (lesson.id == id)
            return lesson;
        if (numeric && lesson.id.section(QLatin1Char('-'), 0, 0).toInt() == number)
            return lesson;
    }
    return std::nullopt;
}
