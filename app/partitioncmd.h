#pragma once

#include <QStringList>

// `kafkascope partition --partitions N [--json] [--hex] KEY…`: the partition Kafka's default
// partitioner gives each key (toPositive(murmur2(key bytes)) % N). Keys are UTF-8, or hex with
// --hex; "-" reads further keys from standard input, one a line.
struct PartitionOptions {
    int partitions = 0;
    bool json = false;
    bool hex = false;
    QStringList keys;
};

// Prints the answer; returns the exit code (2 for a bad key, with a message naming it).
int runPartition(const PartitionOptions &options);
