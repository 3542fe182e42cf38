#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

// The command line, parsed: which mode to start in and with what. Parsing never exits or
// prints; errors come back as one line that names the argument.
struct CommandLine {
    enum class Mode { Gui, Run, DumpLog, Partition, Assign, Help, Version, Lessons };

    Mode mode = Mode::Gui;
    std::optional<QString> language;   // --lang ko|en
    std::optional<QString> theme;      // --theme light|dark (window and run)
    bool presenter = false;            // --presenter (window and run)
    std::int64_t untilMs = 30000;      // run --until
    bool untilGiven = false;
    std::uint64_t seed = 42;           // run --seed
    bool seedGiven = false;
    QString scenarioPath;              // [run] SCENARIO (empty: the built-in demo)
    QString lesson;                    // [run] --lesson ID (a built-in lesson)
    QString showDock;                  // run --show charts|events|rebalances|inspector|lesson
    QString reportPath;                // run --report
    QString screenshotPath;            // run --screenshot
    QString dataDir;                   // run --data-dir
    QStringList dumpPaths;             // dump-log PATH…
    bool json = false;                 // dump-log, partition, assign --json
    bool verify = false;               // dump-log --verify
    int partitions = 0;                // partition --partitions
    bool hexKeys = false;              // partition --hex
    QStringList keys;                  // partition KEY…
    QString assignInput;               // assign --input FILE (- for standard input)
};

struct ParseResult {
    std::optional<CommandLine> commandLine;
    QString error; // set when commandLine is empty
};

// `args` without the program name.
ParseResult parseCommandLine(const QStringList &args);

QString usageText();
