#pragma once

#include <QString>

// `kafkascope assign --input FILE [--json]`: runs one of Kafka's partition assignors (range,
// roundrobin, sticky, cooperative-sticky) on a group described in JSON (FILE, or - for standard
// input):
//   {"assignor": "sticky",
//    "partitions_per_topic": {"t": 3},
//    "members": [{"member_id": "c1", "topics": ["t"], "group_instance_id": "i1",
//                 "owned_partitions": ["t-0"], "generation": 1}]}
// group_instance_id, owned_partitions and generation (-1 = none) are optional. Unknown fields are
// errors.
struct AssignOptions {
    QString inputPath;
    bool json = false;
};

// Prints the assignment; returns the exit code: 0, 1 when FILE cannot be read, 2 for invalid input
// (one line on standard error naming the field, e.g. "members[1].topics[0]: expected a string").
int runAssign(const AssignOptions &options);
