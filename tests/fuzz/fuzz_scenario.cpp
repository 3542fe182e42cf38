// libFuzzer target: arbitrary bytes read as a scenario file. Whatever the bytes, parseScenario
// must return a scenario or errors (each with a line and column inside the text): never crash,
// hang, read out of bounds or trip UndefinedBehaviorSanitizer. Built by tests/fuzz/CMakeLists.txt
// with clang only; run by .ci/fuzz.
#include "scenario/scenario.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace kafkascope;

namespace {
void require(bool property)
{
    if (!property)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    const ScenarioParseResult r = parseScenario(text);
    // Either a scenario or at least one error, never both.
    require(r.scenario.has_value() == r.errors.empty());
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (const auto *list : {&r.errors, &r.warnings})
        for (const ScenarioDiagnostic &d : *list) {
            require(d.position.line >= 1 && d.position.line <= lines);
            require(d.position.column >= 1 && static_cast<std::size_t>(d.position.column) <= size + 1);
            require(!d.message.empty());
        }
    if (r.scenario) {
        const Scenario &s = *r.scenario;
        require(std::is_sorted(s.timeline.begin(), s.timeline.end(), [](const auto &a, const auto &b) { return a.at < b.at; }));
        require(s.end() >= SimTime{});
    }
    return 0;
}
