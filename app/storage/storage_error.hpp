// The one error type of the storage layer: what() is a line for people ("FILE: what is wrong").
#pragma once

#include <stdexcept>

namespace pilotdeck::storage {

class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace pilotdeck::storage
