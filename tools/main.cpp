// zjgeo: dispatch to a subcommand; run_cli maps failures to exit codes.
#include "command.hpp"

#include <iostream>
#include <unistd.h>

int main(int argc, char** argv)
{
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv + 1, argv + argc);
    zjgeo::io_env env{std::cin, std::cout, std::cerr, ::isatty(2) != 0};
    int code = zjgeo::run_cli(args, env);
    std::cout.flush();
    return code;
}
