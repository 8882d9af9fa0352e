print("orgtop")
