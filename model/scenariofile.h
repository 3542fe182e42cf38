#pragma once

#include "scenario/scenario.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// A scenario file read from disk or from the built-in lessons (Qt resources, ":/lessons/…").
struct ScenarioFile {
    std::optional<kafkascope::Scenario> scenario; // nothing when it could not be used
    QStringList errors;   // "file:line:column: path: message", or "file: cannot read …"
    QStringList warnings; // "file:line:column: path: warning: message"
};

// Reads and parses `path`; messages name it as `shownName` (the path by default).
ScenarioFile readScenarioFile(const QString &path, const QString &shownName = {});

// Writes `scenario` to `path` (writeScenario) all at once: the file is replaced only when the whole
// new text is on disk, so a failure leaves what was there. Returns an error ready to show ("cannot
// write …: …", or what the format cannot state), empty on success.
QString writeScenarioFile(const QString &path, const kafkascope::Scenario &scenario);

// The built-in lessons (resources/lessons/*.json, compiled in), in file-name order.
struct BuiltInLesson {
    QString id;   // the file's base name, "04-replication-failover"
    QString path; // ":/lessons/04-replication-failover.json"
    kafkascope::LocalizedText title;
};
std::vector<BuiltInLesson> builtInLessons();

// The lesson named `id`: its full id, or its number ("4", "04"); nothing if none matches.
std::optional<BuiltInLesson> findLesson(const QString &id);
