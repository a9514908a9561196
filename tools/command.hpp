#pragma once
// The zjgeo command framework. One subcommand = one class in one cmd_<name>.cpp
// that registers itself with ZJGEO_REGISTER_COMMAND. A command declares its
// metadata once (info()), its options in setup() (no I/O), checks option
// combinations in validate() (no I/O), and does its work in run(), calling
// libgeo. Commands throw geo::error subclasses; only run_cli() turns them into
// exit codes: 0 success, 1 data/processing error, 2 usage error.
#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace zjgeo {

/// Metadata declared once per command and used for `zjgeo --help`,
/// `zjgeo help CMD`, `zjgeo CMD --help`, the man pages and the tests.
struct command_info {
    std::string name;        ///< e.g. "convert"
    std::string summary;     ///< one line, no final period
    std::string synopsis;    ///< e.g. "zjgeo convert [options] INPUT OUTPUT"
    std::string description; ///< a paragraph or two
    std::string examples;    ///< shell lines, one per line
};

/// Streams and terminal facts a command may use.
struct io_env {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool stderr_is_tty = false;
};

class command {
public:
    virtual ~command() = default;
    virtual const command_info& info() const = 0;
    /// Declare options and positionals on `app`, binding them to members. No I/O.
    virtual void setup(CLI::App& app) = 0;
    /// Check parsed options together; throw geo::usage_error. No I/O.
    virtual void validate() {}
    /// Do the work. Returns the exit code (normally 0); failures are thrown.
    virtual int run(io_env& env) = 0;

    /// --quiet / --progress, shared by every command.
    bool quiet = false;
    bool force_progress = false;
    /// Whether a progress indicator should be drawn on stderr.
    bool show_progress(const io_env& env) const { return !quiet && (force_progress || env.stderr_is_tty); }
};

using command_factory = std::function<std::unique_ptr<command>()>;

/// All registered commands, sorted by name.
std::vector<std::unique_ptr<command>> all_commands();
/// A new instance of the named command, or nullptr.
std::unique_ptr<command> make_command(const std::string& name);
/// Called by ZJGEO_REGISTER_COMMAND at static-initialisation time.
bool register_command(const std::string& name, command_factory factory);

/// Parse `args` (without the program name) and run: the whole front end.
/// Returns the exit code; writes results to env.out and messages to env.err.
int run_cli(const std::vector<std::string>& args, io_env& env);

/// Build the CLI11 parser of a command (as run_cli does) — for tests of the parse phase.
std::unique_ptr<CLI::App> make_parser(command& cmd);

/// The closest of `candidates` to `word` within an edit distance of 2 (or a
/// prefix match), or "" — for "Did you mean ...?" hints.
std::string nearest(const std::string& word, const std::vector<std::string>& candidates);

} // namespace zjgeo

#define ZJGEO_CONCAT_INNER(a, b) a##b
#define ZJGEO_CONCAT(a, b) ZJGEO_CONCAT_INNER(a, b)
/// Register a command class (default-constructible) under its info().name.
#define ZJGEO_REGISTER_COMMAND(cls)                                                                       \
    namespace {                                                                                          \
    [[maybe_unused]] const bool ZJGEO_CONCAT(zjgeo_registered_, __LINE__) =                              \
        ::zjgeo::register_command(cls().info().name, [] { return std::make_unique<cls>(); });             \
    }
