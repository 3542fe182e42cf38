#include "state_hash.h"

#include <cstdio>

namespace kafkascope {

std::string StateHash::hex() const
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(m_h));
    return buf;
}

} // namespace kafkascope
