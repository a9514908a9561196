#include "command.hpp"

#include <libgeo/core/data_dir.hpp>
#include <libgeo/core/error.hpp>

#include <algorithm>
#include <iostream>
#include <map>
#include <new>
#include <sstream>

namespace zjgeo {

namespace {

std::map<std::string, command_factory>& registry()
{
    static std::map<std::string, command_factory> r;
    return r;
}

std::size_t edit_distance(const std::string& a, const std::string& b)
{
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string program_help()
{
    std::ostringstream os;
    os << "zjgeo " << geo::version()
       << " - GIS toolkit for the Shanghai Zhangjiang High-tech Zone (上海张江高新区, 一区二十二园)\n\n"
       << "Usage: zjgeo COMMAND [options]\n       zjgeo help COMMAND\n\nCommands:\n";
    std::size_t width = 0;
    auto cmds = all_commands();
    for (const auto& c : cmds)
        width = std::max(width, c->info().name.size());
    for (const auto& c : cmds)
        os << "  " << c->info().name << std::string(width - c->info().name.size() + 2, ' ') << c->info().summary
           << "\n";
    os << "\nGlobal options:\n  -h, --help     show this help\n  --version      print the version\n\n"
       << "Exit status: 0 success, 1 data or processing error, 2 usage error.\n"
       << "Run 'zjgeo help COMMAND' for a command's options.\n";
    return os.str();
}

class help_formatter : public CLI::Formatter {
public:
    explicit help_formatter(const command_info& info) : info_(info) {}
    std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override
    {
        std::ostringstream os;
        os << "zjgeo " << info_.name << " - " << info_.summary << "\n\nUsage: " << info_.synopsis << "\n";
        if (!info_.description.empty())
            os << "\n" << info_.description << "\n";
        std::string rest = CLI::Formatter::make_help(app, std::move(name), mode);
        // CLI11's own usage line duplicates ours; keep its option tables.
        auto pos = rest.find("\n\n");
        os << (pos == std::string::npos ? rest : rest.substr(pos + 1));
        if (!info_.examples.empty())
            os << "\nExamples:\n" << info_.examples << (info_.examples.back() == '\n' ? "" : "\n");
        return os.str();
    }

private:
    command_info info_;
};

std::vector<std::string> option_names(const CLI::App& app)
{
    std::vector<std::string> names;
    for (const CLI::Option* o : app.get_options()) {
        for (const auto& l : o->get_lnames())
            names.push_back("--" + l);
    }
    return names;
}

std::string with_hint(const CLI::ParseError& e, const CLI::App& app, const std::string& cmd)
{
    std::string msg = e.what();
    // CLI11: "The following arguments were not expected: b --fomat" (in any order).
    const std::string marker = "not expected: ";
    auto pos = msg.find(marker);
    if (pos != std::string::npos) {
        std::istringstream words(msg.substr(pos + marker.size()));
        std::string word, first_plain;
        while (words >> word) {
            if (word.size() > 1 && word[0] == '-') {
                word = word.substr(0, word.find('='));
                std::string near = nearest(word, option_names(app));
                return "unknown option " + geo::quoted(word) + "." +
                       (near.empty() ? " Try 'zjgeo help " + cmd + "'." : " Did you mean " + geo::quoted(near) + "?");
            }
            if (first_plain.empty())
                first_plain = word;
        }
        if (!first_plain.empty())
            return "unexpected argument " + geo::quoted(first_plain) + ". Try 'zjgeo help " + cmd + "'.";
    }
    return msg + ". Try 'zjgeo help " + cmd + "'.";
}

} // namespace

bool register_command(const std::string& name, command_factory factory)
{
    registry()[name] = std::move(factory);
    return true;
}

std::vector<std::unique_ptr<command>> all_commands()
{
    std::vector<std::unique_ptr<command>> out;
    for (const auto& [name, f] : registry())
        out.push_back(f());
    return out;
}

std::unique_ptr<command> make_command(const std::string& name)
{
    auto it = registry().find(name);
    return it == registry().end() ? nullptr : it->second();
}

std::string nearest(const std::string& word, const std::vector<std::string>& candidates)
{
    std::string best;
    std::size_t best_d = 3;
    for (const auto& c : candidates) {
        std::size_t d = edit_distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    if (best.empty() && word.size() >= 3)
        for (const auto& c : candidates)
            if (c.rfind(word, 0) == 0)
                return c;
    return best;
}

std::unique_ptr<CLI::App> make_parser(command& cmd)
{
    const auto& info = cmd.info();
    auto app = std::make_unique<CLI::App>(info.summary, "zjgeo " + info.name);
    app->formatter(std::make_shared<help_formatter>(info));
    app->get_formatter()->column_width(30);
    app->add_flag("-q,--quiet", cmd.quiet, "No progress indicator");
    app->add_flag("--progress", cmd.force_progress, "Show progress even when stderr is not a terminal");
    cmd.setup(*app);
    return app;
}

int run_cli(const std::vector<std::string>& args, io_env& env)
{
    std::string name = args.empty() ? "" : args[0];
    if (args.empty() || name == "-h" || name == "--help") {
        (args.empty() ? env.err : env.out) << program_help();
        return args.empty() ? 2 : 0;
    }
    if (name == "--version" || name == "version") {
        env.out << "zjgeo " << geo::version() << "\n";
        return 0;
    }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (name == "help") {
        if (rest.empty()) {
            env.out << program_help();
            return 0;
        }
        name = rest[0];
        rest = {"--help"};
    }
    auto cmd = make_command(name);
    if (!cmd) {
        std::vector<std::string> names;
        for (const auto& c : all_commands())
            names.push_back(c->info().name);
        std::string hint = nearest(name, names);
        env.err << "zjgeo: unknown command " << geo::quoted(name) << "."
                << (hint.empty() ? "" : " Did you mean " + geo::quoted(hint) + "?") << " Run 'zjgeo --help' for the list.\n";
        return 2;
    }
    auto app = make_parser(*cmd);
    try {
        std::vector<std::string> reversed(rest.rbegin(), rest.rend());
        app->parse(reversed);
        cmd->validate();
        return cmd->run(env);
    } catch (const CLI::CallForHelp&) {
        env.out << app->help();
        return 0;
    } catch (const CLI::ParseError& e) {
        env.err << "zjgeo " << name << ": " << with_hint(e, *app, name) << "\n";
        return 2;
    } catch (const geo::usage_error& e) {
        env.err << "zjgeo " << name << ": " << e.what() << "\n";
        return 2;
    } catch (const geo::error& e) {
        env.err << "zjgeo " << name << ": " << e.what() << "\n";
        return 1;
    } catch (const std::bad_alloc&) {
        env.err << "zjgeo " << name << ": out of memory. Try a smaller input or --bbox.\n";
        return 1;
    } catch (const std::exception& e) {
        env.err << "zjgeo " << name << ": internal error: " << e.what() << ". Please report it.\n";
        return 1;
    }
}

} // namespace zjgeo
