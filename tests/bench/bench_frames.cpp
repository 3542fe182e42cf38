// Frame time of the live cluster view: the main window (scene, docks, charts) playing a cluster
// offscreen, one frame at a time: the controller's frame (engine events, models, scene, charts)
// and then the window painted into an image, as the screen would be. Reports the median and 99th
// percentile per scenario (docs/BENCHMARKS.md). Not a test: nothing is asserted.
//
//   bench_frames [--frames N] [--large-frames N]
#include "bench_util.h"
#include "cluster/cluster.h"
#include "model/simulationcontroller.h"
#include "views/language.h"
#include "views/mainwindow.h"
#include "views/partitionlogscene.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsView>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace kafkascope;

namespace {

struct Shape {
    const char *name;
    int brokers;
    int topics;
    int partitionsPerTopic;
    int groups;       // one consumer group of two members per topic, for the first `groups` topics
    double recordsPerSecond;
    int frames;
    double zoom;      // the scene's scale (below ~0.35 strips draw as plain bars: level of detail)
};

std::unique_ptr<Cluster> makeCluster(const Shape &shape)
{
    auto cluster = std::make_unique<Cluster>(7);
    for (int i = 1; i < shape.brokers; ++i)
        cluster->addBroker();
    TopicSettings settings;
    settings.replicationFactor = 3;
    settings.minInsyncReplicas = 2;
    for (int t = 0; t < shape.topics; ++t) {
        const std::string topic = "topic-" + std::to_string(t);
        if (auto st = cluster->createTopic(topic, shape.partitionsPerTopic, settings); !st.isOk()) {
            std::fprintf(stderr, "createTopic: %s\n", st.message().c_str());
            std::exit(1);
        }
        ProducerConfig producer;
        producer.clientId = "producer-" + std::to_string(t);
        producer.topic = topic;
        producer.rate = RateModel::constant(shape.recordsPerSecond / shape.topics).value();
        producer.values = ValueGenerator::fixedSize(100).value();
        producer.keys = KeyDistribution::uniform(200).value();
        (void)cluster->addProducer(producer);
        if (t < shape.groups) {
            for (int m = 0; m < 2; ++m) {
                ConsumerConfig consumer;
                consumer.clientId = "group-" + std::to_string(t) + "-" + std::to_string(m + 1);
                consumer.topic = topic;
                consumer.groupId = "group-" + std::to_string(t);
                consumer.pollInterval = SimDuration::millis(100);
                (void)cluster->addConsumer(consumer);
            }
        }
    }
    return cluster;
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

void run(const Shape &shape)
{
    QElapsedTimer setup;
    setup.start();
    Language language;
    SimulationController controller(makeCluster(shape));
    MainWindow window(&controller, &language);
    window.resize(1600, 1000);
    window.show();
    QApplication::processEvents();
    controller.advanceTo(SimTime::fromMillis(5000), 100); // warm up: groups joined, logs filled
    QApplication::processEvents();
    auto *view = window.findChild<QGraphicsView *>();
    if (view && shape.zoom > 0)
        view->setTransform(QTransform::fromScale(shape.zoom, shape.zoom));
    const double setupMs = static_cast<double>(setup.elapsed());

    QImage image(window.size(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> frame, work, full;
    constexpr qint64 kFrameSimMs = 16; // 60 frames a second at 1x speed
    for (int i = 0; i < shape.frames; ++i) {
        QElapsedTimer t;
        t.start();
        // One frame as the app runs it: the controller's frame (engine events, then models, scene
        // and charts take the frame's changes) ...
        controller.playFrame(kFrameSimMs);
        const double w = static_cast<double>(t.nsecsElapsed()) / 1e6;
        // ... then Qt repaints what changed into the window's backing store (the offscreen
        // platform's stand-in for the screen).
        QApplication::processEvents();
        frame.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        work.push_back(w);
        // Apart, not in the frame: the whole window painted from scratch (a worst case: a resize,
        // an expose).
        QElapsedTimer r;
        r.start();
        QPainter painter(&image);
        window.render(&painter);
        painter.end();
        full.push_back(static_cast<double>(r.nsecsElapsed()) / 1e6);
    }
    auto *scene = window.findChild<PartitionLogScene *>();
    std::printf("%-10s %2d brokers, %5d partitions RF 3, %d groups, %6.0f records/s, zoom %.2f: %d frames; "
                "frame median %6.2f ms, p99 %6.2f ms (of which controller frame median %6.2f ms); "
                "whole window repainted: median %6.2f ms; "
                "%zu scene items; setup %.0f ms; peak RSS %s\n",
                shape.name, shape.brokers, shape.topics * shape.partitionsPerTopic, shape.groups, shape.recordsPerSecond,
                view ? view->transform().m11() : 1.0, shape.frames, percentile(frame, 0.5), percentile(frame, 0.99),
                percentile(work, 0.5), percentile(full, 0.5), scene ? static_cast<std::size_t>(scene->items().size()) : 0,
                setupMs, bench::procStatus("VmHWM:").c_str());
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    int frames = 300;
    int largeFrames = 60;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--frames" && i + 1 < argc)
            frames = std::atoi(argv[++i]);
        else if (a == "--large-frames" && i + 1 < argc)
            largeFrames = std::atoi(argv[++i]);
        else {
            std::fprintf(stderr, "usage: bench_frames [--frames N] [--large-frames N]\n");
            return 2;
        }
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::printf("command: bench_frames --frames %d --large-frames %d (offscreen, a 1600x1000 window)\n", frames, largeFrames);
    run({"classroom", 6, 3, 20, 3, 2000.0, frames, 0.0});
    run({"large", 50, 1, 5000, 0, 5000.0, largeFrames, 0.3});
    return 0;
}
