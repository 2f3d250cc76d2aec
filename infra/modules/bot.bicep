// The Azure Bot: Teams sends people's messages and card actions to its endpoint, and the bot's
// identity signs what the server sends back. By default that identity is the app's user-assigned
// managed identity (no secret anywhere); a single-tenant Entra app with a secret is the option.

@description('Tags put on every resource.')
param tags object

@description('Name of the Azure Bot resource, unique across Azure.')
@minLength(2)
@maxLength(64)
param name string

@description('Name shown for the bot in the Azure portal.')
param displayName string

@description('The messaging endpoint: https://<web app host>/api/messages.')
param endpoint string

@description('UserAssignedMSI: the managed identity is the bot. SingleTenant: an Entra app registration with a client secret is.')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param appType string

@description('The bot\'s app (client) id: the managed identity\'s client id, or the single-tenant app\'s.')
param appId string

@description('The tenant the bot\'s identity belongs to.')
param tenantId string

@description('Resource id of the managed identity (UserAssignedMSI only).')
param identityId string

@description('F0 is free (Teams is a standard channel and costs nothing on either); S1 adds the service level agreement.')
@allowed([
  'F0'
  'S1'
])
param sku string

// Only a managed-identity bot names the identity; a single-tenant bot is known by its app id alone.
var identityProperties = appType == 'UserAssignedMSI' ? { msaAppMSIResourceId: identityId } : {}
var baseProperties = {
  displayName: displayName
  endpoint: endpoint
  msaAppType: appType
  msaAppId: appId
  msaAppTenantId: tenantId
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: union(baseProperties, identityProperties)
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Name of the Azure Bot resource.')
output name string = bot.name
