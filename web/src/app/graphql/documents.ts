import { gql } from 'apollo-angular';

/** The GraphQL documents of the web client, in the shape of the original ChatQL client's. */

export const MESSAGE_FIELDS = gql`
  fragment MessageFields on Message {
    id
    conversationId
    content
    createdAt
    sender
    isSent
    author {
      id
      username
    }
  }
`;

export const ME = gql`
  query me {
    me {
      id
      username
      registered
    }
  }
`;

export const REGISTER = gql`
  mutation createUser($username: String!) {
    createUser(username: $username) {
      id
      username
      registered
    }
  }
`;

export const ALL_USERS = gql`
  query getAllUsers($after: String, $first: Int) {
    allUser(after: $after, first: $first) {
      id
      username
    }
  }
`;

export const NEW_USERS = gql`
  subscription subscribeToNewUsers {
    subscribeToNewUsers {
      id
      username
    }
  }
`;

export const MY_CONVERSATIONS = gql`
  query getUserConversationConnectionThroughUser($after: String, $first: Int) {
    me {
      id
      conversations(first: $first, after: $after) {
        nextToken
        userConversations {
          userId
          conversationId
          associated {
            userId
          }
          conversation {
            id
            name
          }
        }
      }
    }
  }
`;

export const NEW_USER_CONVERSATIONS = gql`
  subscription subscribeToNewUCs($userId: ID!, $after: String) {
    subscribeToNewUCs(userId: $userId, after: $after) {
      userId
      conversationId
      associated {
        userId
      }
      conversation {
        id
        name
      }
    }
  }
`;

export const CREATE_CONVERSATION = gql`
  mutation createConversation($id: ID!, $name: String!, $createdAt: String) {
    createConversation(id: $id, name: $name, createdAt: $createdAt) {
      id
      name
    }
  }
`;

export const ADD_MEMBER = gql`
  mutation createUserConversations($conversationId: ID!, $userId: ID!) {
    createUserConversations(conversationId: $conversationId, userId: $userId) {
      userId
      conversationId
    }
  }
`;

export const CONVERSATION_MESSAGES = gql`
  query getConversationMessages($conversationId: ID!, $after: String, $first: Int) {
    allMessageConnection(conversationId: $conversationId, after: $after, first: $first) {
      nextToken
      messages {
        ...MessageFields
      }
    }
  }
  ${MESSAGE_FIELDS}
`;

export const NEW_MESSAGES = gql`
  subscription subscribeToNewMessage($conversationId: ID!, $after: String) {
    subscribeToNewMessage(conversationId: $conversationId, after: $after) {
      ...MessageFields
    }
  }
  ${MESSAGE_FIELDS}
`;

export const CREATE_MESSAGE = gql`
  mutation createMessage($id: ID!, $content: String, $conversationId: ID!, $createdAt: String!) {
    createMessage(
      id: $id
      content: $content
      conversationId: $conversationId
      createdAt: $createdAt
    ) {
      ...MessageFields
    }
  }
  ${MESSAGE_FIELDS}
`;
