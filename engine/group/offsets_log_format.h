#pragma once

#include "group/group_coordinator.h"
#include "log/record.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kafkascope {

// How the group coordinators persist their state in __consumer_offsets (docs/GROUPS.md,
// "Persistence in __consumer_offsets"). Kafka writes binary OffsetCommitKey/Value and
// GroupMetadataKey/Value records; Kafkascope writes readable text with the same meaning:
//
//   key "offset:<group>:<topic>:<partition>"  value "<offset>"  (the next offset to read)
//   key "group:<group>"                         value the GroupMetadataRecord, one field a line:
//       protocol_type <t> / generation <n> / protocol <name> / leader <member id>, then per member
//       "member <id>" followed by instance, client, rebalance_timeout_ms, session_timeout_ms,
//       subscription_generation, topics <t…>, owned <topic:partition…>, assignment <topic:partition…>
//
// Free text (group ids inside values, member, instance and client ids) is percent-encoded where
// it holds '%', a space or a line break. Topic names cannot contain ':' (Kafka's rule), so an
// offset key is split from the right. The last record of a key wins (the topic is compacted).

[[nodiscard]] std::string offsetRecordKey(const std::string &groupId, const TopicPartition &tp);
[[nodiscard]] std::string offsetRecordValue(const CommittedOffset &offset);
[[nodiscard]] std::string groupRecordKey(const std::string &groupId);
[[nodiscard]] std::string groupRecordValue(const GroupMetadataRecord &record);
// The record for `groupId` from its value; nothing when the value does not parse.
[[nodiscard]] std::optional<GroupMetadataRecord> parseGroupRecordValue(const std::string &groupId,
                                                                       const std::string &value);

// What a partition of __consumer_offsets holds, rebuilt from its records.
struct ConsumerOffsetsContents {
    std::map<std::string, GroupMetadataRecord> groups;
    std::map<std::string, std::map<TopicPartition, CommittedOffset>> offsets;
    std::uint64_t malformedRecords = 0; // keys or values that do not parse (skipped)
};

// Replays `records` in order, the last value per key winning. A commit's timestamp is the
// record's timestamp minus `clockEpochMs` (the coordinator counts in simTime milliseconds).
[[nodiscard]] ConsumerOffsetsContents replayConsumerOffsets(const std::vector<Record> &records,
                                                            std::int64_t clockEpochMs);

} // namespace kafkascope
