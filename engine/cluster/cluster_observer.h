#pragma once

#include "cluster/topic_partition.h"
#include "core/strong_types.h"
#include "log/record.h"

#include <string>

namespace kafkascope {

// How the engine tells the world what happened (OMNeT++'s environment interface). Every method
// has an empty default, so an observer overrides only what it draws; a null observer is simply
// no observer. Called synchronously from inside the engine's event loop: do not call back into
// the cluster from here, record what changed and act after the run returns.
class ClusterObserver {
public:
    virtual ~ClusterObserver() = default;
    // A topic was created or got more partitions.
    virtual void onTopicCreated(const std::string & /*topic*/) {}
    virtual void onTopicDeleted(const std::string & /*topic*/) {}
    virtual void onRecordAppended(const TopicPartition & /*tp*/, const Record & /*record*/, ProducerId /*from*/) {}
    // A partition's leader, leader epoch or ISR changed.
    virtual void onPartitionStateChanged(const TopicPartition & /*tp*/) {}
    // A follower on broker `follower` copied the records at offsets `first` to `last` from the leader.
    virtual void onRecordsReplicated(const TopicPartition & /*tp*/, BrokerId /*follower*/, Offset /*first*/, Offset /*last*/) {}
    // The leader's high watermark moved (records up to it are now committed and readable).
    virtual void onHighWatermarkChanged(const TopicPartition & /*tp*/, Offset /*highWatermark*/) {}
    // Records returned by a consumer's poll (fetched).
    virtual void onRecordsConsumed(ConsumerId /*consumer*/, const TopicPartition & /*tp*/, Offset /*first*/, Offset /*last*/) {}
    // The consumer's application finished processing the records at offsets `first` to `last`
    // (contiguous; see ConsumerConfig::processingTimePerRecord).
    virtual void onRecordsProcessed(ConsumerId /*consumer*/, const TopicPartition & /*tp*/, Offset /*first*/, Offset /*last*/) {}
};

} // namespace kafkascope
