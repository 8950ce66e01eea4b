from reply_assistant.cli import main

main()
