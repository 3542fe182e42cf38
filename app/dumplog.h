#pragma once

#include <string>
#include <vector>

// `kafkascope dump-log PATH…`: prints the batches and records of Kafka log segments, like
// Kafka's kafka-dump-log tool. PATH is a .log file, a .index or .timeindex file, or a folder
// (every .log file below it, recursively, in name order). Reads only; never writes.
struct DumpLogOptions {
    std::vector<std::string> paths;
    bool json = false;   // JSON Lines on stdout: one object per batch, with its records
    bool verify = false; // exit 1 on any damage, naming file and byte position
};

// Returns the exit code: 0, or 1 when a file could not be read or (with verify) was damaged.
int runDumpLog(const DumpLogOptions &options);
